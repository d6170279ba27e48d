package dev.okrledger.command.measurement;

import dev.okrledger.command.support.RunningCommandService;
import dev.okrledger.embedded.SharedTestInfrastructure;
import dev.okrledger.embedded.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Measurements through REST and through the {@code okr.measurements} topic, on the real command
 * service: the same measurement sent again records nothing twice, check-ins interleave by their
 * effective moments, and a poison record goes to the dead-letter topic without stopping the stream.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=command-service")
class MeasurementsTest extends RunningCommandService {

    @Value("${okr.kafka.measurements-topic}")
    String topic;

    private UUID cycle;
    private UUID keyResult;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void keyResultFrom55To75() {
        cycle = activeCycle();
        keyResult = metricKeyResultIn(objectiveIn(cycle));
    }

    @Test
    void restAndTopicRecordEachMeasurementOnceAndGradingTakesTheLatestInEffectiveOrder() {
        UUID viaRest = UUID.randomUUID();
        assertThat(measure(viaRest, "60", now.minus(Duration.ofDays(5))).status())
                .isEqualTo(201);
        Answer again = measure(viaRest, "60.0", now.minus(Duration.ofDays(5)));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("outcome").asString()).isEqualTo("ALREADY_RECORDED");
        Answer reused = measure(viaRest, "61", now.minus(Duration.ofDays(5)));
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.body().get("rule").asString()).isEqualTo("measurement-id-reused");

        // a check-in effective a day after the latest measurement, then the stream catches up with
        // an older observation (sent twice: redelivery) and one newer than the check-in
        assertThat(post("/api/key-results/" + keyResult + "/check-ins", """
                {"checkInId":"%s","value":66,"confidence":6,"effectiveAt":"%s"}""".formatted(
                                        UUID.randomUUID(), now.minus(Duration.ofDays(3))))
                        .status())
                .isEqualTo(201);
        UUID older = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        send(keyResult.toString(), message(older, "63", now.minus(Duration.ofDays(4))));
        send(keyResult.toString(), message(older, "63", now.minus(Duration.ofDays(4))));
        send(keyResult.toString(), message(newer, "71", now.minus(Duration.ofDays(1))));
        send(keyResult.toString(), message(newer, "71", now.minus(Duration.ofDays(1))));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(measurements()).isEqualTo(3));
        assertThat(post("/api/cycles/" + cycle + "/close", "").status()).isEqualTo(204);
        assertThat(measurements()).isEqualTo(3);
        JsonNode graded = JSON.readTree(
                jdbc.sql("""
                        select convert_from(payload, 'UTF8') from domainevententry
                         where aggregateidentifier = ? and payloadtype like '%KeyResultGraded'""").param(keyResult.toString()).query(String.class).single());
        assertThat(graded.get("finalValue").decimalValue()).isEqualByComparingTo("71");
        assertThat(graded.get("score").asDouble()).isEqualTo(0.8); // (71-55)/(75-55)
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithTheirReasonAndTheNextGoodOneIsApplied() {
        UUID refused = UUID.randomUUID();
        send(keyResult.toString(), "not json at all");
        send(
                keyResult.toString(),
                message(UUID.randomUUID(), "60", now.minusSeconds(60))
                        .replace(keyResult.toString(), "00000000-0000-0000-0000-00000000000a"));
        send(keyResult.toString(), message(refused, "60", now.plus(Duration.ofDays(2))));
        UUID good = UUID.randomUUID();
        send(keyResult.toString(), message(good, "62", now.minusSeconds(60)));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(measurements()).isEqualTo(1));
        assertThat(jdbc.sql("""
                        select count(*) from domainevententry
                         where payloadtype like '%MeasurementRecorded' and convert_from(payload, 'UTF8') like ?""").param("%" + good + "%").query(Long.class).single())
                .isEqualTo(1);

        // the dead-letter topic is shared by the tests of this class: each reads its own key result's records
        List<ConsumerRecord<String, byte[]>> deadLetters =
                TopicRecords.readAll(topic + ".dlt", 3, Duration.ofSeconds(30)).stream()
                        .filter(r -> r.key().equals(keyResult.toString()))
                        .toList();
        assertThat(deadLetters).hasSize(3);
        assertThat(reason(deadLetters.get(0))).contains("not a measurement JSON object");
        assertThat(reason(deadLetters.get(1))).contains("is not its keyResultId");
        assertThat(reason(deadLetters.get(2))).isEqualTo("A measurement cannot be observed in the future");
        assertThat(new String(deadLetters.get(2).value(), StandardCharsets.UTF_8))
                .contains(refused.toString());
    }

    @Test
    void unknownKeyResultOnTheTopicIsADeadLetter() {
        UUID unknown = UUID.randomUUID();
        send(
                unknown.toString(),
                message(UUID.randomUUID(), "60", now.minusSeconds(60))
                        .replace(keyResult.toString(), unknown.toString()));
        List<ConsumerRecord<String, byte[]>> deadLetters =
                TopicRecords.readAll(topic + ".dlt", 1, Duration.ofSeconds(30)).stream()
                        .filter(r -> r.key().equals(unknown.toString()))
                        .toList();
        assertThat(deadLetters).hasSize(1);
        assertThat(reason(deadLetters.get(0))).contains(unknown.toString());
        assertThat(measurements()).isZero();
    }

    private Answer measure(UUID measurementId, String value, Instant observedAt) {
        return post("/api/key-results/" + keyResult + "/measurements", """
                {"measurementId":"%s","value":%s,"observedAt":"%s","source":"helpdesk"}""".formatted(measurementId, value, observedAt));
    }

    private String message(UUID measurementId, String value, Instant observedAt) {
        return """
                {"keyResultId":"%s","measurementId":"%s","value":%s,"observedAt":"%s","source":"helpdesk-stream"}""".formatted(keyResult, measurementId, value, observedAt);
    }

    private long measurements() {
        return jdbc.sql(
                        "select count(*) from domainevententry where aggregateidentifier = ? and payloadtype like '%MeasurementRecorded'")
                .param(keyResult.toString())
                .query(Long.class)
                .single();
    }

    private void send(String key, String json) {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        SharedTestInfrastructure.kafka().bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, json)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String reason(ConsumerRecord<String, byte[]> record) {
        return TopicRecords.header(record, MeasurementsTopicConfiguration.REASON_HEADER);
    }
}
