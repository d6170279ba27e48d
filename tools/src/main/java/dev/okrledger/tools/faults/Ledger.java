package dev.okrledger.tools.faults;

import dev.okrledger.contract.event.CheckInRecorded;
import dev.okrledger.contract.event.EventCodec;
import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.launcher.Service;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Where a check-in must end up, counted where it lives: the event store (command database), the
 * {@code okr.events} topic, the query side's history and the notifier's tracked check-ins; and the
 * notifier's alerts, counted per trigger. Read straight from the databases and the broker, so the
 * count does not depend on the APIs under test.
 */
final class Ledger {

    static final List<String> CONSUMER_GROUPS = List.of("query-service-intake", "notifier-intake");

    private final FaultSystem system;

    Ledger(FaultSystem system) {
        this.system = system;
    }

    /** Times each check-in was appended to the event store. */
    Map<UUID, Integer> inEventStore(Set<UUID> checkIns) throws SQLException {
        return countIn(Service.COMMAND, """
                select (convert_from(payload, 'UTF8')::jsonb ->> 'checkInId')::uuid, count(*) from domainevententry
                 where payloadtype like '%CheckInRecorded' group by 1""", checkIns);
    }

    /** Rows of each check-in in the query side's history. */
    Map<UUID, Integer> inHistory(Set<UUID> checkIns) throws SQLException {
        return countIn(Service.QUERY, "select check_in_id, count(*) from check_in_history group by 1", checkIns);
    }

    /** Check-ins the notifier judged (each is kept once it was weighed by the rules). */
    Map<UUID, Integer> judged(Set<UUID> checkIns) throws SQLException {
        return countIn(Service.NOTIFIER, "select check_in_id, count(*) from check_in group by 1", checkIns);
    }

    /** Triggers (kind, key result, check-in) with more than one alert. */
    long doubledAlerts() throws SQLException {
        return single(Service.NOTIFIER, """
                select count(*) from (select 1 from alert group by kind, key_result_id, check_in_id
                                      having count(*) > 1) doubled""");
    }

    long alerts() throws SQLException {
        return single(Service.NOTIFIER, "select count(*) from alert");
    }

    /** Webhook deliveries not delivered: still pending, or dead. */
    long undeliveredWebhooks() throws SQLException {
        return single(Service.NOTIFIER, "select count(*) from webhook_delivery where status <> 'DELIVERED'");
    }

    long pendingWebhooks() throws SQLException {
        return single(Service.NOTIFIER, "select count(*) from webhook_delivery where status = 'PENDING'");
    }

    /** Deliveries queued before the epoch millisecond {@code before} and not delivered yet. */
    long undeliveredWebhooksQueuedBefore(long before) throws SQLException {
        return single(
                Service.NOTIFIER,
                "select count(*) from webhook_delivery where status <> 'DELIVERED'" + " and enqueued_at < to_timestamp("
                        + before + " / 1000.0)");
    }

    /** Events in the store not yet in the query side's event log (publisher and query intake behind). */
    long queryBehind() throws SQLException {
        return single(Service.COMMAND, "select count(*) from domainevententry")
                - single(Service.QUERY, "select count(*) from event_log");
    }

    /** Copies of each check-in on {@code okr.events} (more than one is a redelivery, allowed: consumers deduplicate). */
    Map<UUID, Integer> onTopic(Set<UUID> checkIns) {
        Map<UUID, Integer> copies = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                5000))) {
            List<TopicPartition> partitions = consumer.partitionsFor("okr.events").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    EventEnvelope envelope = EventCodec.decode(record.value());
                    if (envelope.payload() instanceof CheckInRecorded checkIn
                            && checkIns.contains(checkIn.checkInId())) {
                        copies.merge(checkIn.checkInId(), 1, Integer::sum);
                    }
                }
            }
        }
        return copies;
    }

    /** Records of {@code okr.events} not yet committed by each consumer group. */
    Map<String, Long> consumerLag() throws Exception {
        Map<String, Long> lag = new TreeMap<>();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                10_000))) {
            // committed offsets first, end offsets after: a record sent in between counts as behind
            // (never the other way round, which would read as drained while it is in flight)
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committedByGroup = new LinkedHashMap<>();
            for (String group : CONSUMER_GROUPS) {
                committedByGroup.put(
                        group,
                        admin.listConsumerGroupOffsets(group)
                                .partitionsToOffsetAndMetadata()
                                .get(10, TimeUnit.SECONDS));
            }
            // the topic's end offsets are the same for every group: asked once
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of("okr.events"))
                    .allTopicNames()
                    .get(10, TimeUnit.SECONDS)
                    .get("okr.events")
                    .partitions()
                    .forEach(p -> latest.put(new TopicPartition("okr.events", p.partition()), OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet();
            committedByGroup.forEach((group, committed) -> {
                long behind = 0;
                for (var end : ends) {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    behind += Math.max(0, end.getValue().offset() - (at == null ? 0 : at.offset()));
                }
                lag.put(group, behind);
            });
        }
        return lag;
    }

    /**
     * A fingerprint of every read model of the query side (every table but the event log and the
     * bookkeeping), to compare with the same after a rebuild from the log.
     */
    Map<String, String> readModelFingerprint() throws SQLException {
        Map<String, String> prints = new TreeMap<>();
        try (Connection db = connect(Service.QUERY);
                Statement s = db.createStatement()) {
            List<String> tables = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    select tablename from pg_tables where schemaname = current_schema()
                       and tablename not in ('event_log', 'applied_position', 'flyway_schema_history')""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("select count(*) || ':' || md5(coalesce(string_agg(t::text, "
                        + "E'\\n' order by t::text), '')) from " + table + " t")) {
                    rs.next();
                    prints.put(table, rs.getString(1));
                }
            }
        }
        return prints;
    }

    private Map<UUID, Integer> countIn(Service service, String sql, Set<UUID> checkIns) throws SQLException {
        Map<UUID, Integer> counts = new HashMap<>();
        try (Connection db = connect(service);
                PreparedStatement s = db.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                UUID id = rs.getObject(1, UUID.class);
                if (checkIns.contains(id)) {
                    counts.put(id, rs.getInt(2));
                }
            }
        }
        return counts;
    }

    private long single(Service service, String sql) throws SQLException {
        try (Connection db = connect(service);
                Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection connect(Service service) throws SQLException {
        return DriverManager.getConnection(system.jdbcUrl(service), "postgres", "");
    }
}
