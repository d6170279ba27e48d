package dev.okrledger.launcher;

import dev.okrledger.contract.event.EventHeaders;
import dev.okrledger.embedded.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static dev.okrledger.launcher.Service.COMMAND;
import static dev.okrledger.launcher.Service.NOTIFIER;
import static dev.okrledger.launcher.Service.QUERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** The walking skeleton, across all three services on real PostgreSQL and Kafka. */
class CheckInFlowTest {

    private EmbeddedSystem system;
    private UUID objectiveId;
    private UUID keyResultId;
    private UUID otherKeyResultId;

    @BeforeEach
    void startSystemWithOneKeyResult() {
        system = TestSystem.start();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String command = system.baseUrl(COMMAND);
        UUID cycleId = Http.createdId(
                Http.post(command + "/api/cycles", """
                {"name":"Q","startsOn":"%s","endsOn":"%s","cadence":"WEEKLY"}""".formatted(today.minusDays(14), today.plusDays(77))));
        assertThat(Http.post(command + "/api/cycles/" + cycleId + "/activate", "")
                        .status())
                .isEqualTo(204);
        objectiveId = Http.createdId(Http.post(command + "/api/objectives", """
                {"cycleId":"%s","title":"Make support faster","level":"TEAM","team":"support"}""".formatted(cycleId)));
        keyResultId = defineKeyResult("Reduce median first response");
        otherKeyResultId = defineKeyResult("Reduce repeat contacts");
    }

    @AfterEach
    void stopSystem() {
        system.close();
    }

    @Test
    void checkInsFlowToHistoryAndASharpDropRaisesOneAmberAlert() {
        String firstAt = Instant.now().minus(Duration.ofDays(7)).toString();
        assertThat(checkIn(keyResultId, new UUID(1, 1), 11, 8, firstAt).status())
                .isEqualTo(201);
        UUID second = new UUID(1, 2);
        assertThat(checkIn(keyResultId, second, 9, 4, null).status()).isEqualTo(201);

        String query = system.baseUrl(QUERY);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(Http.get(query + "/api/key-results/" + keyResultId + "/confidence-history")
                                        .body())
                                .hasSize(2));
        JsonNode history = Http.get(query + "/api/key-results/" + keyResultId + "/confidence-history")
                .body();
        assertThat(history.get(0).get("confidence").asInt()).isEqualTo(8);
        assertThat(history.get(0).get("band").asString()).isEqualTo("GREEN");
        assertThat(history.get(1).get("confidence").asInt()).isEqualTo(4);
        assertThat(history.get(1).get("band").asString()).isEqualTo("AMBER");
        assertThat(history.get(1).get("recordedBy").asString()).isEqualTo("test-user");

        JsonNode keyResult = Http.get(query + "/api/key-results/" + keyResultId).body();
        assertThat(keyResult.get("currentValue").decimalValue()).isEqualByComparingTo("9");
        assertThat(keyResult.get("progress").asDouble()).isCloseTo(0.375, within(1e-9)); // (9-12)/(4-12)
        assertThat(keyResult.get("expectedProgress").asDouble()).isCloseTo(14.0 / 91, within(0.02));
        assertThat(keyResult.get("band").asString()).isEqualTo("AMBER");

        String notifier = system.baseUrl(NOTIFIER);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(Http.get(notifier + "/api/alerts?keyResultId=" + keyResultId)
                                .body())
                        .hasSize(1));
        JsonNode alert = Http.get(notifier + "/api/alerts?keyResultId=" + keyResultId)
                .body()
                .get(0);
        assertThat(alert.get("kind").asString()).isEqualTo("CONFIDENCE_DROP");
        assertThat(alert.get("severity").asString()).isEqualTo("AMBER");
        assertThat(alert.get("fromConfidence").asInt()).isEqualTo(8);
        assertThat(alert.get("toConfidence").asInt()).isEqualTo(4);
        assertThat(alert.get("checkInId").asString()).isEqualTo(second.toString());

        // the same check-in again: acknowledged, nothing new recorded anywhere
        assertThat(checkIn(keyResultId, second, 9, 4, null).status()).isEqualTo(200);
        // a later check-in on another key result of the same objective travels the same partition,
        // so once it is visible everything sent before it has been processed
        assertThat(checkIn(otherKeyResultId, new UUID(2, 1), 20, 7, null).status())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                Http.get(query + "/api/key-results/" + otherKeyResultId + "/confidence-history")
                                        .body())
                        .hasSize(1));
        assertThat(Http.get(query + "/api/key-results/" + keyResultId + "/confidence-history")
                        .body())
                .hasSize(2);
        assertThat(Http.get(notifier + "/api/alerts?keyResultId=" + keyResultId).body())
                .hasSize(1);

        // the other key result (20 h against a baseline of 12 h) is behind pace: its alert is keyed apart
        List<ConsumerRecord<String, byte[]>> alerts =
                TopicRecords.readAll(system.alertsTopic(), 2, Duration.ofSeconds(20)).stream()
                        .filter(r -> r.key().equals(keyResultId.toString()))
                        .toList();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).key()).isEqualTo(keyResultId.toString());
        assertThat(new String(alerts.get(0).value(), StandardCharsets.UTF_8))
                .contains(alert.get("id").asString());

        List<ConsumerRecord<String, byte[]>> events =
                TopicRecords.readAll(system.eventsTopic(), 9, Duration.ofSeconds(20));
        // CyclePlanned, CycleActivated, ObjectiveDefined, 2 x KeyResultDefined, 3 x CheckInRecorded, ConfidenceChanged
        assertThat(events).hasSize(9);
        assertThat(events)
                .filteredOn(
                        r -> !TopicRecords.header(r, EventHeaders.EVENT_TYPE).startsWith("Cycle"))
                .allSatisfy(r -> assertThat(r.key()).isEqualTo(objectiveId.toString()));
        assertThat(events).allSatisfy(r -> {
            assertThat(TopicRecords.header(r, EventHeaders.EVENT_ID)).isNotBlank();
            assertThat(TopicRecords.header(r, EventHeaders.AGGREGATE_ID)).isNotBlank();
            assertThat(TopicRecords.header(r, EventHeaders.SEQUENCE)).matches("\\d+");
            assertThat(TopicRecords.header(r, EventHeaders.CORRELATION_ID)).isNotBlank();
            assertThat(new String(r.value(), StandardCharsets.UTF_8)).contains("\"actor\":\"test-user\"");
        });
    }

    @Test
    void stoppedConsumersCatchUpWithoutLosingOrDoublingAnything() {
        assertThat(checkIn(
                                keyResultId,
                                new UUID(3, 1),
                                11,
                                8,
                                Instant.now().minus(Duration.ofDays(8)).toString())
                        .status())
                .isEqualTo(201);
        String notifier = system.baseUrl(NOTIFIER);
        String query = system.baseUrl(QUERY);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(Http.get(query + "/api/key-results/" + keyResultId + "/confidence-history")
                                        .body())
                                .hasSize(1));

        system.stop(QUERY);
        system.stop(NOTIFIER);
        assertThat(checkIn(
                                keyResultId,
                                new UUID(3, 2),
                                10,
                                5,
                                Instant.now().minus(Duration.ofDays(4)).toString())
                        .status())
                .isEqualTo(201);
        assertThat(checkIn(keyResultId, new UUID(3, 3), 10, 2, null).status()).isEqualTo(201);
        assertThat(checkIn(keyResultId, new UUID(3, 3), 10, 2, null).status()).isEqualTo(200);
        system.start(QUERY);
        system.start(NOTIFIER);

        String queryAgain = system.baseUrl(QUERY);
        String notifierAgain = system.baseUrl(NOTIFIER);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(Http.get(queryAgain + "/api/key-results/" + keyResultId + "/confidence-history")
                            .body())
                    .hasSize(3);
            assertThat(Http.get(notifierAgain + "/api/alerts?keyResultId=" + keyResultId)
                            .body())
                    .hasSize(3);
        });
        JsonNode alerts = Http.get(notifierAgain + "/api/alerts?keyResultId=" + keyResultId)
                .body();
        assertThat(alerts.get(0).get("severity").asString()).isEqualTo("AMBER"); // 8 -> 5
        // 5 -> 2 is a red drop, and a red check-in without a decision
        assertThat(alerts.get(1).get("severity").asString()).isEqualTo("RED");
        assertThat(alerts.get(2).get("severity").asString()).isEqualTo("RED");
        assertThat(Http.get(queryAgain + "/api/key-results/" + keyResultId)
                        .body()
                        .get("confidence")
                        .asInt())
                .isEqualTo(2);
        assertThat(notifier).isNotNull();
    }

    private UUID defineKeyResult(String title) {
        return Http.createdId(Http.post(
                system.baseUrl(COMMAND) + "/api/objectives/" + objectiveId + "/key-results", """
                {"title":"%s","unit":"hours","baseline":12,"target":4,"indicator":"LEADING","owner":"support-lead"}""".formatted(title)));
    }

    private Http.Response checkIn(UUID keyResult, UUID checkInId, double value, int confidence, String effectiveAt) {
        String at = effectiveAt == null ? "" : ",\"effectiveAt\":\"" + effectiveAt + "\"";
        return Http.post(system.baseUrl(COMMAND) + "/api/key-results/" + keyResult + "/check-ins", """
                {"checkInId":"%s","value":%s,"confidence":%d%s}""".formatted(
                        checkInId, value, confidence, at));
    }
}
