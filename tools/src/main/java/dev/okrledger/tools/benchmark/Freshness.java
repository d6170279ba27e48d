package dev.okrledger.tools.benchmark;

import dev.okrledger.contract.event.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long after its 201 a check-in is visible on the query side (event_log.received_at, same transaction as the projection) and its alert
 * has arrived on okr.alerts (seen by a consumer here). Same machine, same clock.
 */
final class Freshness implements AutoCloseable {

    /** How long without a new alert, after the notifier drained, before no more are awaited. */
    static final Duration QUIET = Duration.ofSeconds(3);

    private final Map<UUID, Long> alertArrivals = new ConcurrentHashMap<>();
    private final Thread alertListener;
    private volatile boolean running = true;

    Freshness(String bootstrapServers, String alertsTopic) {
        alertListener = new Thread(() -> listen(bootstrapServers, alertsTopic), "benchmark-alert-listener");
        alertListener.setDaemon(true);
        alertListener.start();
    }

    private void listen(String bootstrapServers, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "benchmark-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "latest"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    long arrived = LoadPhases.epochMicros();
                    checkInIdOf(record.value()).ifPresent(id -> alertArrivals.putIfAbsent(id, arrived));
                }
            }
        }
    }

    /** The alert's trigger check-in: top-level {@code checkInId}, or inside an {@code alert} object. */
    private static java.util.Optional<UUID> checkInIdOf(byte[] value) {
        try {
            JsonNode json = EventCodec.mapper().readTree(value);
            JsonNode id = json.has("checkInId")
                    ? json.get("checkInId")
                    : json.path("alert").get("checkInId");
            return id == null || id.isNull()
                    ? java.util.Optional.empty()
                    : java.util.Optional.of(UUID.fromString(id.asString()));
        } catch (RuntimeException notAnAlert) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Answers 201-to-alert latencies once {@code expectedAlerts} have arrived, or none arrived for
     * {@link #QUIET} (asked after the notifier has drained: an alert not here by then is not coming;
     * a drop on a key result whose alert is still open raises none), or {@code patience} ran out.
     */
    Latencies alertLatencies(Map<UUID, Long> answeredAt, int expectedAlerts, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        long matched = matched(answeredAt);
        long lastArrival = System.nanoTime();
        while (matched < expectedAlerts
                && System.nanoTime() < deadline
                && System.nanoTime() - lastArrival < QUIET.toNanos()) {
            Thread.sleep(100);
            long now = matched(answeredAt);
            if (now > matched) {
                matched = now;
                lastArrival = System.nanoTime();
            }
        }
        Latencies latencies = new Latencies();
        answeredAt.forEach((checkIn, answered) -> {
            Long arrived = alertArrivals.get(checkIn);
            if (arrived != null) {
                latencies.add(Math.max(0, arrived - answered) * 1_000);
            }
        });
        return latencies;
    }

    private long matched(Map<UUID, Long> answeredAt) {
        return answeredAt.keySet().stream().filter(alertArrivals::containsKey).count();
    }

    /** Waits until every check-in is projected (or patience runs out), then answers 201-to-projection latencies. */
    static Latencies projectionLatencies(String queryJdbcUrl, Map<UUID, Long> answeredAt, Duration patience)
            throws SQLException, InterruptedException {
        Latencies latencies = new Latencies();
        try (Connection db = DriverManager.getConnection(queryJdbcUrl, "postgres", "")) {
            long deadline = System.nanoTime() + patience.toNanos();
            Map<UUID, Long> projected = new ConcurrentHashMap<>();
            while (projected.size() < answeredAt.size() && System.nanoTime() < deadline) {
                projected.clear();
                try (Statement s = db.createStatement();
                        ResultSet rs =
                                s.executeQuery("select (envelope -> 'payload' ->> 'checkInId')::uuid, received_at"
                                        + " from event_log where type = 'CheckInRecorded'")) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        if (answeredAt.containsKey(id)) {
                            java.time.Instant at = rs.getTimestamp(2).toInstant();
                            projected.put(id, at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000);
                        }
                    }
                }
                if (projected.size() < answeredAt.size()) {
                    Thread.sleep(250);
                }
            }
            projected.forEach((id, at) -> latencies.add(Math.max(0, at - answeredAt.get(id)) * 1_000));
        }
        return latencies;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        alertListener.join(5_000);
    }
}
