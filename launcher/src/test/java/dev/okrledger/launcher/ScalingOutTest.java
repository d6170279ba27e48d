package dev.okrledger.launcher;

import dev.okrledger.contract.event.EventCodec;
import dev.okrledger.embedded.SharedTestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static dev.okrledger.launcher.Service.COMMAND;
import static dev.okrledger.launcher.Service.NOTIFIER;
import static dev.okrledger.launcher.Service.QUERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of every service at once under a steady check-in load: check-ins go to both
 * command-service instances, which publish a segment of the events each; query-service and notifier
 * instances split the partitions of their consumer groups. Mid-load one instance of each consumer stops and a new one starts (two
 * rebalances each). Afterwards every check-in is in the query side's history exactly once and
 * every confidence drop raised exactly one alert.
 */
class ScalingOutTest {

    private static final int TEAMS = 6;
    private static final int KEY_RESULTS_PER_TEAM = 2;
    private static final int WRITERS = 4;
    private static final int MAX_CHECK_INS = 3_000;
    private static final Duration MAX_LOAD = Duration.ofSeconds(120);

    private EmbeddedSystem system;
    private final List<EmbeddedSystem.Instance> instances = new ArrayList<>();

    @AfterEach
    void stop() {
        instances.forEach(EmbeddedSystem.Instance::close);
        if (system != null) {
            system.close();
        }
    }

    @Test
    void nothingIsLostOrDoubledWhenConsumerInstancesComeAndGoUnderLoad() throws Exception {
        // the publisher in two segments, one per command-service instance
        system = TestSystem.start(
                "--axon.eventhandling.processors.kafka-publisher.initial-segment-count=2",
                "--okr.publisher.max-segments-per-instance=1");
        EmbeddedSystem.Instance secondCommand = started(system.startAnother(COMMAND));
        EmbeddedSystem.Instance secondQuery = started(system.startAnother(QUERY));
        EmbeddedSystem.Instance secondNotifier = started(system.startAnother(NOTIFIER));
        List<String> commands = List.of(system.baseUrl(COMMAND), secondCommand.baseUrl());

        TestOkrs okrs = new TestOkrs(commands.get(0));
        UUID cycle = okrs.activeCycle();
        List<UUID> keyResults = new ArrayList<>();
        for (int team = 0; team < TEAMS; team++) {
            UUID objective = okrs.objective(cycle, "team-" + team);
            for (int k = 0; k < KEY_RESULTS_PER_TEAM; k++) {
                keyResults.add(okrs.keyResult(objective));
            }
        }

        for (String command : commands) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Scrape metrics = Scrape.of(command);
                assertThat(metrics.sum("okr_publisher_segments", ""))
                        .as("segments held by %s", command)
                        .isEqualTo(1);
                assertThat(metrics.sum("okr_publisher_segments_stored", "")).isEqualTo(2);
            });
        }

        Load load = new Load(keyResults, commands);
        load.start();
        try {
            awaitAssigned(secondQuery, secondNotifier);
            load.awaitMore(100);
            secondQuery.close();
            secondNotifier.close();
            load.awaitMore(100);
            EmbeddedSystem.Instance thirdQuery = started(system.startAnother(QUERY));
            EmbeddedSystem.Instance thirdNotifier = started(system.startAnother(NOTIFIER));
            awaitAssigned(thirdQuery, thirdNotifier);
            load.awaitMore(100);
        } finally {
            load.stop();
        }

        assertThat(load.posted()).isGreaterThanOrEqualTo(300);
        String query = system.baseUrl(QUERY);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (UUID keyResult : keyResults) {
                assertThat(Http.get(query + "/api/key-results/" + keyResult + "/confidence-history")
                                .body())
                        .hasSize(load.checkIns(keyResult).size());
            }
        });
        for (UUID keyResult : keyResults) {
            List<UUID> history = new ArrayList<>();
            Http.get(query + "/api/key-results/" + keyResult + "/confidence-history")
                    .body()
                    .forEach(point ->
                            history.add(UUID.fromString(point.get("checkInId").asString())));
            assertThat(history)
                    .as("history of %s: each check-in once, in order", keyResult)
                    .containsExactlyElementsOf(load.checkIns(keyResult));
        }

        String notifier = system.baseUrl(NOTIFIER);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (UUID keyResult : keyResults) {
                assertThat(Http.get(notifier + "/api/alerts?keyResultId=" + keyResult)
                                .body())
                        .hasSize(load.drops(keyResult).size());
            }
        });
        Set<UUID> alertIds = new HashSet<>();
        for (UUID keyResult : keyResults) {
            List<UUID> raisedBy = new ArrayList<>();
            for (JsonNode alert :
                    Http.get(notifier + "/api/alerts?keyResultId=" + keyResult).body()) {
                assertThat(alert.get("kind").asString()).isEqualTo("CONFIDENCE_DROP");
                raisedBy.add(UUID.fromString(alert.get("checkInId").asString()));
                alertIds.add(UUID.fromString(alert.get("id").asString()));
            }
            assertThat(raisedBy)
                    .as("alerts of %s: one per drop", keyResult)
                    .containsExactlyInAnyOrderElementsOf(load.drops(keyResult));
        }
        System.out.printf(
                "ScalingOutTest: %d check-ins on %d key results through 2 command services, %d alerts, "
                        + "consumers rebalanced twice, in %.0f s of load%n",
                load.posted(), keyResults.size(), alertIds.size(), load.seconds());
        // okr.alerts is at-least-once (receivers deduplicate on alert id and change): every raise is there
        assertThat(raisedOnTopic(alertIds.size())).containsAll(alertIds).hasSameSizeAs(alertIds);
    }

    private EmbeddedSystem.Instance started(EmbeddedSystem.Instance instance) {
        instances.add(instance);
        return instance;
    }

    /** Until each instance holds at least one partition of its group: it takes part in the load. */
    private static void awaitAssigned(EmbeddedSystem.Instance... consumers) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (EmbeddedSystem.Instance consumer : consumers) {
                assertThat(Scrape.of(consumer.baseUrl()).sum("kafka_consumer_coordinator_assigned_partitions", ""))
                        .as("partitions held by another %s", consumer.service().title())
                        .isPositive();
            }
        });
    }

    /** The distinct ids of the alerts raised on okr.alerts. */
    private Set<UUID> raisedOnTopic(int expected) {
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        SharedTestInfrastructure.kafka().bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-reader-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(system.alertsTopic()));
            Set<UUID> raised = new HashSet<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (raised.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode change = EventCodec.mapper().readTree(record.value());
                    if (change.get("change").asString().equals("RAISED")) {
                        raised.add(UUID.fromString(change.get("alert").get("id").asString()));
                    }
                }
            }
            return raised;
        }
    }

    /**
     * Writers, each with its own key results, check in round after round (confidence 8, 4, 8, 4, …:
     * every 8 → 4 is a sharp drop, every 4 → 8 a recovery), alternating between the command services.
     */
    private static final class Load {
        private final List<UUID> keyResults;
        private final List<String> commands;
        private final Map<UUID, List<UUID>> checkIns = new ConcurrentHashMap<>();
        private final Map<UUID, List<UUID>> drops = new ConcurrentHashMap<>();
        private final AtomicInteger posted = new AtomicInteger();
        private final AtomicBoolean stopping = new AtomicBoolean();
        private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        private final List<Future<?>> running = new ArrayList<>();
        private final long startedAt = System.nanoTime();
        private volatile long stoppedAt;

        Load(List<UUID> keyResults, List<String> commands) {
            this.keyResults = keyResults;
            this.commands = commands;
            keyResults.forEach(kr -> {
                checkIns.put(kr, Collections.synchronizedList(new ArrayList<>()));
                drops.put(kr, Collections.synchronizedList(new ArrayList<>()));
            });
        }

        void start() {
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                running.add(writers.submit(() -> write(writer)));
            }
        }

        private void write(int writer) {
            Map<UUID, Integer> rounds = new HashMap<>();
            while (!stopping.get()
                    && posted.get() < MAX_CHECK_INS
                    && System.nanoTime() - startedAt < MAX_LOAD.toNanos()) {
                for (int i = writer; i < keyResults.size(); i += WRITERS) {
                    UUID keyResult = keyResults.get(i);
                    int round = rounds.merge(keyResult, 1, Integer::sum);
                    UUID checkIn = UUID.randomUUID();
                    String command = commands.get((round + i) % commands.size());
                    Http.Response answer = TestOkrs.checkIn(command, keyResult, checkIn, round % 2 == 1 ? 8 : 4);
                    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(201);
                    checkIns.get(keyResult).add(checkIn);
                    if (round % 2 == 0) {
                        drops.get(keyResult).add(checkIn);
                    }
                    posted.incrementAndGet();
                }
            }
        }

        /** Waits until {@code more} further check-ins were accepted (or the load ended). */
        void awaitMore(int more) {
            int target = posted.get() + more;
            BooleanSupplier done =
                    () -> posted.get() >= target || running.stream().allMatch(Future::isDone);
            await().atMost(MAX_LOAD).until(done::getAsBoolean);
        }

        void stop() throws Exception {
            stopping.set(true);
            stoppedAt = System.nanoTime();
            for (Future<?> writer : running) {
                writer.get(); // a writer's failed assertion fails the test here
            }
            writers.shutdown();
        }

        int posted() {
            return posted.get();
        }

        double seconds() {
            return (stoppedAt - startedAt) / 1e9;
        }

        List<UUID> checkIns(UUID keyResult) {
            return List.copyOf(checkIns.get(keyResult));
        }

        List<UUID> drops(UUID keyResult) {
            return List.copyOf(drops.get(keyResult));
        }
    }
}
