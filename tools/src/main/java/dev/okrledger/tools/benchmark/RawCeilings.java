package dev.okrledger.tools.benchmark;

import dev.okrledger.tools.client.Progress;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the raw engines do on this machine with the same row and record sizes and the same
 * durability: the ceilings the system's figures are compared with.
 */
final class RawCeilings {

    record Insert(double perSecond, Latencies latencies) {}

    record KafkaRates(double producePerSecond, double consumePerSecond, Latencies endToEnd) {}

    private RawCeilings() {}

    /** Single-row insert transactions (autocommit) of {@code rowBytes} from {@code threads} clients. */
    static Insert insert(SystemProcess system, int rowBytes, int threads, Duration time) throws Exception {
        try (Connection db = DriverManager.getConnection(system.jdbcUrl("postgres"), "postgres", "");
                Statement s = db.createStatement()) {
            s.execute("drop database if exists okr_bench_raw");
            s.execute("create database okr_bench_raw");
        }
        String url = system.jdbcUrl("okr_bench_raw");
        try (Connection db = DriverManager.getConnection(url, "postgres", "");
                Statement s = db.createStatement()) {
            s.execute("drop table if exists raw_event");
            s.execute("create table raw_event (id bigserial primary key, aggregate varchar(255) not null, "
                    + "seq bigint not null, payload bytea not null, unique (aggregate, seq))");
        }
        Latencies latencies = new Latencies();
        AtomicLong done = new AtomicLong();
        Progress progress = new Progress("raw PostgreSQL inserts (" + rowBytes + " bytes, " + threads + " clients)", 0);
        long end = System.nanoTime() + time.toNanos();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                byte[] payload = new byte[rowBytes];
                String aggregate = UUID.randomUUID().toString();
                long seq = 0;
                try (Connection db = DriverManager.getConnection(url, "postgres", "");
                        PreparedStatement insert = db.prepareStatement(
                                "insert into raw_event(aggregate, seq, payload) values (?, ?, ?)")) {
                    while (System.nanoTime() < end) {
                        ThreadLocalRandom.current().nextBytes(payload);
                        long before = System.nanoTime();
                        insert.setString(1, aggregate);
                        insert.setLong(2, seq++);
                        insert.setBytes(3, payload);
                        insert.executeUpdate();
                        latencies.add(System.nanoTime() - before);
                        progress.report(done.incrementAndGet());
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(time.toSeconds() + 60, TimeUnit.SECONDS);
        return new Insert(done.get() / ((System.nanoTime() - started) / 1e9), latencies);
    }

    /** Primary-key reads on the raw table: the floor under any query's latency. */
    static Latencies pointReads(SystemProcess system, int threads, Duration time) throws Exception {
        String url = system.jdbcUrl("okr_bench_raw");
        Latencies latencies = new Latencies();
        long end = System.nanoTime() + time.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                try (Connection db = DriverManager.getConnection(url, "postgres", "");
                        PreparedStatement read = db.prepareStatement("select payload from raw_event where id = ?")) {
                    while (System.nanoTime() < end) {
                        long before = System.nanoTime();
                        read.setLong(1, 1 + ThreadLocalRandom.current().nextInt(1000));
                        try (ResultSet rs = read.executeQuery()) {
                            rs.next();
                        }
                        latencies.add(System.nanoTime() - before);
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(time.toSeconds() + 60, TimeUnit.SECONDS);
        return latencies;
    }

    /**
     * Produce rate (acks=all, at most 1,000 records in flight; not idempotent: the idempotent producer
     * reset its sequence numbers under this load on two cores and stalled), consume rate of the same
     * records, and produce-to-consume latency at {@code offeredRate}.
     */
    static KafkaRates kafka(SystemProcess kafka, int recordBytes, int offeredRate, Duration time) throws Exception {
        String topic = "bench.raw." + UUID.randomUUID();
        createTopic(kafka, topic);
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                false,
                ProducerConfig.LINGER_MS_CONFIG,
                5);
        byte[] value = new byte[recordBytes];
        long produced;
        double produceSeconds;
        Progress progress = new Progress("raw Kafka produce (" + recordBytes + " bytes, acks=all)", 0);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer())) {
            Semaphore inFlight = new Semaphore(1_000);
            AtomicLong acked = new AtomicLong();
            long end = System.nanoTime() + time.toNanos();
            long started = System.nanoTime();
            long i = 0;
            while (System.nanoTime() < end) {
                inFlight.acquire();
                producer.send(new ProducerRecord<>(topic, "key-" + (i++ % 1000), value), (meta, e) -> {
                    inFlight.release();
                    if (e == null) {
                        progress.report(acked.incrementAndGet());
                    }
                });
            }
            producer.flush();
            produceSeconds = (System.nanoTime() - started) / 1e9;
            produced = acked.get();
        }
        double consumePerSecond = consumeAll(kafka, topic, produced);
        Latencies endToEnd = endToEnd(kafka, producerConfig, recordBytes, offeredRate);
        return new KafkaRates(produced / produceSeconds, consumePerSecond, endToEnd);
    }

    /** Six partitions, as okr.events has. */
    private static void createTopic(SystemProcess kafka, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
            // the first sends would otherwise meet partitions without a leader yet, and retry noisily
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline
                    && admin
                            .describeTopics(List.of(topic))
                            .allTopicNames()
                            .get(30, TimeUnit.SECONDS)
                            .get(topic)
                            .partitions()
                            .stream()
                            .anyMatch(p -> p.leader() == null)) {
                Thread.sleep(100);
            }
        }
    }

    private static double consumeAll(SystemProcess kafka, String topic, long expected) {
        Progress progress = new Progress("raw Kafka consume", expected);
        try (KafkaConsumer<String, byte[]> consumer = consumer(kafka)) {
            consumer.subscribe(List.of(topic));
            long seen = 0;
            long started = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (seen < expected && System.nanoTime() < deadline) {
                int n = consumer.poll(Duration.ofMillis(200)).count();
                if (n > 0 && started == 0) {
                    started = System.nanoTime();
                }
                seen += n;
                progress.report(seen);
            }
            return seen / ((System.nanoTime() - started) / 1e9);
        }
    }

    private static Latencies endToEnd(
            SystemProcess kafka, Map<String, Object> producerConfig, int recordBytes, int rate) throws Exception {
        String topic = "bench.e2e." + UUID.randomUUID();
        createTopic(kafka, topic);
        Latencies latencies = new Latencies();
        int total = rate * 5;
        Progress.say("raw Kafka produce-to-consume latency at " + rate + " records/s");
        try (KafkaConsumer<String, byte[]> consumer = consumer(kafka);
                KafkaProducer<String, byte[]> producer =
                        new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer())) {
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            Thread reader = new Thread(() -> {
                int seen = 0;
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (seen < total && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(20))) {
                        latencies.add(
                                System.nanoTime() - ByteBuffer.wrap(r.value()).getLong());
                        seen++;
                    }
                }
            });
            reader.start();
            long interval = 1_000_000_000L / rate;
            long started = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long wait = started + i * interval - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                byte[] value = new byte[recordBytes];
                ByteBuffer.wrap(value).putLong(System.nanoTime());
                producer.send(new ProducerRecord<>(topic, "key-" + i % 100, value));
            }
            producer.flush();
            reader.join(70_000);
        }
        return latencies;
    }

    private static KafkaConsumer<String, byte[]> consumer(SystemProcess kafka) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "bench-raw-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
    }
}
