package dev.okrledger.launcher;

import dev.okrledger.embedded.EmbeddedKafka;
import dev.okrledger.embedded.EmbeddedPostgresServer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static dev.okrledger.launcher.Service.COMMAND;
import static dev.okrledger.launcher.Service.NOTIFIER;
import static dev.okrledger.launcher.Service.QUERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What clients are told while the database or the broker is away, on a PostgreSQL server and a
 * broker of this test's own that it stops and starts again: 503 with a problem and
 * {@code Retry-After}, never a 500, nothing changed; and afterwards the services work again without
 * being touched.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutageAnswersTest {

    private static EmbeddedPostgresServer postgres;
    private static EmbeddedKafka kafka;
    private static EmbeddedSystem system;
    private static UUID keyResult;
    private static UUID alert;

    @BeforeAll
    static void start() throws Exception {
        Path data = Files.createTempDirectory("okr-outages");
        postgres = EmbeddedPostgresServer.start(data.resolve("postgres"), 0, false);
        kafka = EmbeddedKafka.start(data.resolve("kafka"), 0);
        system = TestSystem.startOn(postgres, kafka);
        TestOkrs okrs = new TestOkrs(system.baseUrl(COMMAND));
        keyResult = okrs.keyResult(okrs.objective(okrs.activeCycle(), "support"));
        assertThat(TestOkrs.checkIn(system.baseUrl(COMMAND), keyResult, UUID.randomUUID(), 8)
                        .status())
                .isEqualTo(201);
        assertThat(TestOkrs.checkIn(system.baseUrl(COMMAND), keyResult, UUID.randomUUID(), 4)
                        .status())
                .isEqualTo(201);
        alert = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> Http.get(system.baseUrl(NOTIFIER) + "/api/alerts?keyResultId=" + keyResult)
                                .body(),
                        alerts -> alerts != null && alerts.size() == 1)
                .get(0)
                .get("id")
                .asString()
                .transform(UUID::fromString);
    }

    @AfterAll
    static void stop() throws Exception {
        if (system != null) {
            system.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void acknowledgingWhileTheBrokerIsAwayIsRefusedAndChangesNothing() {
        kafka.close();
        try {
            Http.Response refused = Http.post(system.baseUrl(NOTIFIER) + "/api/alerts/" + alert + "/acknowledge", "");
            assertUnavailable(refused, "broker-unavailable");
            Http.Response resolve = Http.post(system.baseUrl(NOTIFIER) + "/api/alerts/" + alert + "/resolve", "");
            assertUnavailable(resolve, "broker-unavailable");
            assertThat(Http.get(system.baseUrl(NOTIFIER) + "/api/alerts/" + alert)
                            .body()
                            .get("status")
                            .asString())
                    .isEqualTo("OPEN");
        } finally {
            kafka = kafka.startAgain();
        }
        Http.Response acknowledged = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> Http.post(system.baseUrl(NOTIFIER) + "/api/alerts/" + alert + "/acknowledge", ""),
                        answer -> answer.status() == 200);
        assertThat(acknowledged.body().get("status").asString()).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    @Order(2)
    void whileTheDatabaseIsAwayEveryServiceAnswers503AndAfterwardsWorksAgain() throws Exception {
        postgres.close();
        UUID measured;
        try {
            assertUnavailable(
                    TestOkrs.checkIn(system.baseUrl(COMMAND), keyResult, UUID.randomUUID(), 6), "database-unavailable");
            assertUnavailable(
                    Http.get(system.baseUrl(QUERY) + "/api/key-results/" + keyResult), "database-unavailable");
            assertUnavailable(Http.get(system.baseUrl(NOTIFIER) + "/api/alerts"), "database-unavailable");
            // a feed keeps sending: its record waits for the database instead of going to the dead-letter topic
            measured = sendMeasurement(keyResult);
            Thread.sleep(2_000);
        } finally {
            postgres = postgres.startAgain();
        }
        UUID after = UUID.randomUUID();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> TestOkrs.checkIn(system.baseUrl(COMMAND), keyResult, after, 6)
                                .status()
                        == 201);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Http.get(system.baseUrl(QUERY) + "/api/key-results/" + keyResult + "/confidence-history")
                        .body()
                        .findValuesAsString("checkInId")
                        .contains(after.toString()));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Http.get(system.baseUrl(QUERY) + "/api/key-results/" + keyResult + "/detail")
                        .body()
                        .findValuesAsString("measurementId")
                        .contains(measured.toString()));
    }

    private static UUID sendMeasurement(UUID keyResult) throws Exception {
        UUID measurementId = UUID.randomUUID();
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>("okr.measurements", keyResult.toString(), """
                    {"keyResultId":"%s","measurementId":"%s","value":%d,"observedAt":"%s","source":"warehouse"}""".formatted(
                                    keyResult, measurementId, 5, Instant.now())))
                    .get();
        }
        return measurementId;
    }

    private static void assertUnavailable(Http.Response answer, String rule) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body().get("rule").asString()).isEqualTo(rule);
        assertThat(answer.headers().firstValueAsLong("Retry-After").orElse(0)).isPositive();
    }
}
