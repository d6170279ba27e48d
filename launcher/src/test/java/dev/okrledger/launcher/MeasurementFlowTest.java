package dev.okrledger.launcher;

import dev.okrledger.embedded.SharedTestInfrastructure;
import dev.okrledger.embedded.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.okrledger.launcher.Service.COMMAND;
import static dev.okrledger.launcher.Service.NOTIFIER;
import static dev.okrledger.launcher.Service.QUERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Measurements across the three services (issue 15): check-ins and measurements recorded out of
 * order, through REST and through {@code okr.measurements} (one record redelivered, one poison record
 * that lands in the dead-letter topic while the next good one is applied). The KR view, the detail
 * series, the board and the notifier's BEHIND_PACE alert agree on the latest value in effective order;
 * confidence stays with the check-ins; a rebuild of the read models gives the same answers.
 */
class MeasurementFlowTest {

    private static final String TOPIC = SharedTestInfrastructure.uniqueTopicName("okr.measurements");

    private static EmbeddedSystem system;

    @BeforeAll
    static void start() {
        system = TestSystem.start("--okr.kafka.measurements-topic=" + TOPIC);
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void checkInsAndMeasurementsOutOfOrderGiveOneValueEverywhere() {
        String command = system.baseUrl(COMMAND);
        // 0 -> 100 % over 13 weeks that started 6 weeks ago; week N's values speak for noon of day 7N - 1
        LocalDate startsOn = LocalDate.now(ZoneOffset.UTC).minusWeeks(6);
        UUID cycle =
                Http.createdId(Http.post(command + "/api/cycles", """
                {"name":"Q","startsOn":"%s","endsOn":"%s","cadence":"WEEKLY"}""".formatted(startsOn, startsOn.plusWeeks(13))));
        assertThat(Http.post(command + "/api/cycles/" + cycle + "/activate", "").status())
                .isEqualTo(204);
        UUID objective = Http.createdId(Http.post(command + "/api/objectives", """
                {"cycleId":"%s","title":"Ship orders the same day","level":"TEAM","team":"fulfilment"}""".formatted(cycle)));
        UUID kr = Http.createdId(Http.post(command + "/api/objectives/" + objective + "/key-results", """
                {"title":"Orders shipped within a day","unit":"%","baseline":0,"target":100,"indicator":"LAGGING",
                 "owner":"fulfilment-lead","measurement":{"counted":"orders shipped within 24 h","dataSource":"warehouse"}}"""));

        assertThat(checkIn(kr, week(startsOn, 1), 10, 8)).isEqualTo(201);
        UUID viaRest = UUID.randomUUID();
        assertThat(measure(kr, viaRest, week(startsOn, 3), 30)).isEqualTo(201);
        assertThat(measure(kr, viaRest, week(startsOn, 3), 30)).isEqualTo(200); // sent again: recorded once
        assertThat(checkIn(kr, week(startsOn, 2), 20, 6)).isEqualTo(201); // backdated before it

        UUID streamed = UUID.randomUUID();
        UUID behind = UUID.randomUUID();
        send(kr.toString(), record(kr, streamed, week(startsOn, 4), 35));
        send(kr.toString(), record(kr, streamed, week(startsOn, 4), 35)); // redelivered
        send(kr.toString(), "{\"keyResultId\":\"" + kr + "\",\"value\":"); // poison
        send(kr.toString(), record(kr, behind, week(startsOn, 5), 12)); // 0.12 < 0.379 - 0.1: behind
        // the same moment as the streamed measurement: a person's check-in wins the tie
        assertThat(checkIn(kr, week(startsOn, 4), 40, 7)).isEqualTo(201);

        String query = system.baseUrl(QUERY);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(Http.get(query + "/api/key-results/" + kr + "/detail")
                            .body()
                            .get("series"))
                    .hasSize(6);
            assertThat(behindPace(kr))
                    .anyMatch(a -> a.get("checkInId").asString().equals(behind.toString()));
        });

        JsonNode detail = Http.get(query + "/api/key-results/" + kr + "/detail").body();
        List<String> values = new ArrayList<>();
        List<Boolean> measured = new ArrayList<>();
        detail.get("series").forEach(p -> {
            values.add(p.get("value").decimalValue().stripTrailingZeros().toPlainString());
            measured.add(p.get("measured").asBoolean());
        });
        assertThat(values).containsExactly("10", "20", "30", "35", "40", "12");
        assertThat(measured).containsExactly(false, false, true, true, false, true);
        detail.get("series").forEach(p -> {
            if (p.get("measured").asBoolean()) {
                assertThat(p.get("confidence").isNull()).isTrue();
                assertThat(p.get("source").asString()).startsWith("warehouse");
            } else {
                assertThat(p.get("confidence").asInt()).isBetween(0, 10);
            }
        });
        assertThat(detail.get("series").get(5).get("measurementId").asString()).isEqualTo(behind.toString());
        assertThat(detail.get("series").get(5).get("pace").asString()).isEqualTo("BEHIND");
        JsonNode current = detail.get("current");
        assertThat(current.get("value").decimalValue()).isEqualByComparingTo("12");
        assertThat(current.get("measured").asBoolean()).isTrue();
        assertThat(current.get("pace").asString()).isEqualTo("BEHIND");
        assertThat(current.get("confidence").asInt()).isEqualTo(7);

        JsonNode history = Http.get(query + "/api/key-results/" + kr + "/confidence-history")
                .body();
        assertThat(history).extracting(c -> c.get("confidence").asInt()).containsExactly(8, 6, 7);

        JsonNode view = Http.get(query + "/api/key-results/" + kr).body();
        assertThat(view.get("currentValue").decimalValue()).isEqualByComparingTo("12");
        assertThat(view.get("progress").asDouble()).isCloseTo(0.12, within(1e-9));
        assertThat(view.get("behindPace").asBoolean()).isTrue();
        assertThat(view.get("confidence").asInt()).isEqualTo(7);

        JsonNode board = Http.get(query + "/api/cycles/" + cycle + "/dashboard").body();
        JsonNode row = board.get("groups")
                .get(0)
                .get("objectives")
                .get(0)
                .get("keyResults")
                .get(0);
        assertThat(row.get("value").decimalValue()).isEqualByComparingTo("12");
        assertThat(row.get("measured").asBoolean()).isTrue();
        assertThat(row.get("pace").asString()).isEqualTo("BEHIND");
        assertThat(board.get("atRisk").get(0).get("reasons"))
                .extracting(JsonNode::asString)
                .contains("BEHIND_PACE");

        List<JsonNode> alerts = behindPace(kr);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.get("status").asString()).isEqualTo("OPEN");
            assertThat(a.get("detail").asString())
                    .endsWith("; measured: measurement " + behind + " from warehouse-stream");
        });

        // nothing doubled: three check-ins and three measurements in the command service's log as well
        assertThat(Http.get(query + "/api/key-results/" + kr + "/audit").body())
                .filteredOn(e -> e.get("type").asString().equals("MeasurementRecorded"))
                .hasSize(3);
        List<ConsumerRecord<String, byte[]>> deadLetters =
                TopicRecords.readAll(TOPIC + ".dlt", 1, Duration.ofSeconds(30)).stream()
                        .filter(r -> r.key().equals(kr.toString()))
                        .toList();
        assertThat(deadLetters)
                .singleElement()
                .satisfies(r ->
                        assertThat(TopicRecords.header(r, "okr-refusal-reason")).isNotBlank());

        String asOf = "?asOf=" + Instant.now();
        JsonNode detailBefore =
                Http.get(query + "/api/key-results/" + kr + "/detail" + asOf).body();
        JsonNode boardBefore =
                Http.get(query + "/api/cycles/" + cycle + "/dashboard" + asOf).body();
        assertThat(Http.post(query + "/api/admin/rebuild", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(Http.get(query + "/api/admin/rebuild")
                                .body()
                                .get("state")
                                .asString())
                        .isEqualTo("COMPLETED"));
        assertThat(Http.get(query + "/api/key-results/" + kr + "/detail" + asOf).body())
                .isEqualTo(detailBefore);
        assertThat(Http.get(query + "/api/cycles/" + cycle + "/dashboard" + asOf)
                        .body())
                .isEqualTo(boardBefore);
        JsonNode rebuilt = Http.get(query + "/api/key-results/" + kr).body();
        assertThat(rebuilt.get("currentValue").decimalValue()).isEqualByComparingTo("12");
        assertThat(rebuilt.get("confidence").asInt()).isEqualTo(7);
    }

    private static String week(LocalDate startsOn, int week) {
        return startsOn.plusDays(7L * week - 1)
                .atTime(12, 0)
                .toInstant(ZoneOffset.UTC)
                .toString();
    }

    private static int checkIn(UUID kr, String effectiveAt, int value, int confidence) {
        Http.Response response =
                Http.post(system.baseUrl(COMMAND) + "/api/key-results/" + kr + "/check-ins", """
                {"checkInId":"%s","value":%d,"confidence":%d,"effectiveAt":"%s"}""".formatted(
                                UUID.randomUUID(), value, confidence, effectiveAt));
        return response.status();
    }

    private static int measure(UUID kr, UUID measurementId, String observedAt, int value) {
        return Http.post(system.baseUrl(COMMAND) + "/api/key-results/" + kr + "/measurements", """
                {"measurementId":"%s","value":%d,"observedAt":"%s","source":"warehouse"}""".formatted(
                                measurementId, value, observedAt))
                .status();
    }

    private static String record(UUID kr, UUID measurementId, String observedAt, int value) {
        return """
                {"keyResultId":"%s","measurementId":"%s","value":%d,"observedAt":"%s","source":"warehouse-stream"}""".formatted(kr, measurementId, value, observedAt);
    }

    private static List<JsonNode> behindPace(UUID kr) {
        List<JsonNode> alerts = new ArrayList<>();
        Http.get(system.baseUrl(NOTIFIER) + "/api/alerts?keyResultId=" + kr)
                .body()
                .forEach(a -> {
                    if (a.get("kind").asString().equals("BEHIND_PACE")) {
                        alerts.add(a);
                    }
                });
        return alerts;
    }

    private static void send(String key, String json) {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        SharedTestInfrastructure.kafka().bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, json)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
