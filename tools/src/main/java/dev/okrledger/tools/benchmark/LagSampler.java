package dev.okrledger.tools.benchmark;

import dev.okrledger.tools.client.Progress;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Once a second: how far the Kafka publisher trails the event store (events), and how far each
 * consumer group trails the events topic (records).
 */
final class LagSampler implements AutoCloseable {

    /** The consumer groups that take in {@code okr.events}: the query service's and the notifier's. */
    static final List<String> INTAKE_GROUPS = List.of("query-service-intake", "notifier-intake");

    record Sample(double atSecond, long publisherLag, Map<String, Long> consumerLag) {}

    /** GapAwareTrackingToken ("index") or GlobalSequenceTrackingToken ("globalIndex"), as JSON. */
    private static final Pattern GLOBAL_INDEX = Pattern.compile("\"(?:globalIndex|index)\"\\s*:\\s*(\\d+)");

    private final String commandJdbcUrl;
    private final String eventsTopic;
    private final List<String> groups;
    private final Admin admin;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private final long started = System.nanoTime();

    LagSampler(String commandJdbcUrl, String bootstrapServers, String eventsTopic, List<String> groups) {
        this.commandJdbcUrl = commandJdbcUrl;
        this.eventsTopic = eventsTopic;
        this.groups = groups;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.thread = new Thread(this::run, "benchmark-lag-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Seconds since sampling began, on the clock of {@link Sample#atSecond()}. */
    double now() {
        return (System.nanoTime() - started) / 1e9;
    }

    private void run() {
        try (Connection db = DriverManager.getConnection(commandJdbcUrl, "postgres", "")) {
            while (running) {
                Sample sample = new Sample(now(), publisherLag(db), consumerLag());
                synchronized (samples) {
                    samples.add(sample);
                }
                Thread.sleep(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            Progress.say("lag sampling stopped: " + e);
        }
    }

    private static long publisherLag(Connection db) throws Exception {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("""
                     select (select coalesce(max(globalindex), 0) from domainevententry),
                            (select convert_from(token, 'UTF8') from tokenentry
                              where processorname = 'kafka-publisher' and token is not null limit 1)""")) {
            rs.next();
            long head = rs.getLong(1);
            String token = rs.getString(2);
            Matcher m = token == null ? null : GLOBAL_INDEX.matcher(token);
            long position = m != null && m.find() ? Long.parseLong(m.group(1)) : 0;
            return Math.max(0, head - position);
        }
    }

    private Map<String, Long> consumerLag() throws Exception {
        Map<String, Long> lag = new LinkedHashMap<>();
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().stream()
                    .filter(tp -> tp.topic().equals(eventsTopic))
                    .forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = latest.isEmpty()
                    ? Map.of()
                    : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            long total = 0;
            for (var end : ends.entrySet()) {
                OffsetAndMetadata at = committed.get(end.getKey());
                total += Math.max(0, end.getValue().offset() - (at == null ? 0 : at.offset()));
            }
            lag.put(group, total);
        }
        return lag;
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
        admin.close();
    }
}
