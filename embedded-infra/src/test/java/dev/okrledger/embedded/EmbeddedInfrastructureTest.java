package dev.okrledger.embedded;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedInfrastructureTest {

    @Test
    void freshDatabasesAreSeparateAndWritable() throws Exception {
        String first = SharedTestInfrastructure.freshDatabase("infra");
        String second = SharedTestInfrastructure.freshDatabase("infra");
        assertThat(first).isNotEqualTo(second);
        try (var c = DriverManager.getConnection(first, "postgres", "")) {
            c.createStatement().execute("create table t(x int)");
            c.createStatement().execute("insert into t values (42)");
            var rs = c.createStatement().executeQuery("select x from t");
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
        try (var c = DriverManager.getConnection(second, "postgres", "")) {
            var rs = c.createStatement().executeQuery("select count(*) from pg_tables where tablename = 't'");
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void brokerKeepsItsRecordsAcrossARestartOnTheSameDirectory(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        try (EmbeddedKafka first = EmbeddedKafka.start(dir, 0)) {
            first.createTopics(Map.of("kept", 1));
            produce(first.bootstrapServers(), "kept", "survives");
        }
        try (EmbeddedKafka second = EmbeddedKafka.start(dir, 0)) {
            assertThat(consume(second.bootstrapServers(), "kept")).containsExactly("survives");
        }
    }

    @Test
    void brokerRoundTripsARecord() {
        String topic = SharedTestInfrastructure.freshTopic("infra", 1);
        String bootstrap = SharedTestInfrastructure.kafka().bootstrapServers();
        produce(bootstrap, topic, "hello");
        assertThat(consume(bootstrap, topic)).containsExactly("hello");
    }

    private static void produce(String bootstrap, String topic, String value) {
        try (var producer = new KafkaProducer<String, String>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", value)).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> consume(String bootstrap, String topic) {
        try (var consumer = new KafkaConsumer<String, String>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG, "infra-test",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> seen = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (seen.isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> seen.add(r.value()));
            }
            return seen;
        }
    }
}
