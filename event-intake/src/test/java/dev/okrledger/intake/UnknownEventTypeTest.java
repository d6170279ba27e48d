package dev.okrledger.intake;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.okrledger.contract.event.EventCodec;
import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.contract.event.EventTypes;
import dev.okrledger.contract.event.KeyResultReworded;
import dev.okrledger.contract.event.MeasurementRecorded;
import dev.okrledger.contract.event.OkrEvent;
import dev.okrledger.embedded.SharedTestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * A rolling upgrade that reaches the producer first: a consumer whose build does not know
 * {@code MeasurementRecorded} meets one on the real broker. Its partition stops there while the other
 * partition goes on; once the consumer is restarted with a build that knows the type, every event
 * arrives, in order, once.
 */
class UnknownEventTypeTest {

    private static final String NEW_TYPE = "MeasurementRecorded";
    private static final String SERVICE = "query-service";

    private final AtomicInteger newTypeMet = new AtomicInteger();
    private final ListAppender<ILoggingEvent> stopLog = new ListAppender<>();
    private String topic;
    private PGSimpleDataSource dataSource;
    private JdbcClient jdbc;
    private KafkaProducer<String, byte[]> producer;
    private AnnotationConfigApplicationContext consumer;

    @BeforeEach
    void freshTopicAndDatabase() {
        topic = SharedTestInfrastructure.freshTopic("okr.events", 2);
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(SharedTestInfrastructure.freshDatabase("intake_unknown"));
        dataSource.setUser("postgres");
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("create table applied_position(aggregate_id varchar(255) primary key, last_sequence bigint not null)")
                .update();
        jdbc.sql(
                        "create table projected(n serial primary key, aggregate_id varchar(255), sequence bigint, type varchar(255))")
                .update();
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class));
        stopLog.start();
        ((Logger) LoggerFactory.getLogger(StoppedPartitions.class)).addAppender(stopLog);
    }

    @AfterEach
    void close() {
        if (consumer != null) {
            consumer.close();
        }
        producer.close();
        ((Logger) LoggerFactory.getLogger(StoppedPartitions.class)).detachAppender(stopLog);
    }

    @Test
    void aPartitionStopsAtAnUnknownTypeAndGoesOnOnceTheConsumerKnowsIt() {
        send(0, known("kr-1", 0));
        send(0, measurement("kr-1", 1));
        send(0, known("kr-1", 2));
        send(0, known("kr-2", 0));
        send(1, known("kr-3", 0));
        send(1, known("kr-3", 1));

        // an older build: one consumer thread holds both partitions and does not know the new type
        MeterRegistry olderMeters = new SimpleMeterRegistry();
        consumer = start(olderMeters, this::decodeWithoutTheNewType);
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> stoppedPartitions(olderMeters) == 1
                        && projected().containsAll(List.of(tuple("kr-1", 0L), tuple("kr-3", 0L), tuple("kr-3", 1L))));
        long stoppedAt = System.nanoTime();
        int metAtStop = newTypeMet.get();

        // the other partition goes on after the stop; the stopped one takes nothing in behind it
        send(1, known("kr-3", 2));
        send(0, known("kr-1", 3));
        await().atMost(60, TimeUnit.SECONDS).until(() -> projected().contains(tuple("kr-3", 2L)));
        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> newTypeMet.get() >= metAtStop + 2); // tried again, paused between
        double waitedSeconds = (System.nanoTime() - stoppedAt) / 1e9;

        assertThat(projected())
                .containsExactlyInAnyOrder(tuple("kr-1", 0L), tuple("kr-3", 0L), tuple("kr-3", 1L), tuple("kr-3", 2L));
        assertThat(committed()).containsEntry(new TopicPartition(topic, 0), 1L);
        assertThat(stoppedPartitions(olderMeters)).isEqualTo(1);
        assertThat(intakeEvents(olderMeters, "unknown-type")).isEqualTo(1); // once per stop, not per try
        assertThat(stopLog.list)
                .filteredOn(e -> e.getLevel() == Level.ERROR)
                .singleElement()
                .extracting(ILoggingEvent::getFormattedMessage)
                .asString()
                .contains(topic + "-0 at offset 1", "of type " + NEW_TYPE, "Upgrade query-service");
        // a retry waits out its pause (1 s here): the stopped partition does not spin
        assertThat(newTypeMet.get()).isLessThanOrEqualTo(2 * (int) Math.ceil(waitedSeconds) + 2);
        consumer.close();
        assertThat(stoppedPartitions(olderMeters)).isZero(); // the partition left this instance

        // the upgraded build: the same group and database, a decoder that knows the type
        MeterRegistry upgradedMeters = new SimpleMeterRegistry();
        consumer = start(upgradedMeters, null);
        await().atMost(60, TimeUnit.SECONDS).until(() -> projected().size() >= 8);

        assertThat(projected())
                .filteredOn(t -> t.toList().get(0).equals("kr-1"))
                .containsExactly(tuple("kr-1", 0L), tuple("kr-1", 1L), tuple("kr-1", 2L), tuple("kr-1", 3L));
        assertThat(projected())
                .containsExactlyInAnyOrder(
                        tuple("kr-1", 0L),
                        tuple("kr-1", 1L),
                        tuple("kr-1", 2L),
                        tuple("kr-1", 3L),
                        tuple("kr-2", 0L),
                        tuple("kr-3", 0L),
                        tuple("kr-3", 1L),
                        tuple("kr-3", 2L));
        assertThat(projected())
                .filteredOn(t -> t.toList().get(0).equals("kr-3"))
                .containsExactly(tuple("kr-3", 0L), tuple("kr-3", 1L), tuple("kr-3", 2L));
        assertThat(jdbc.sql("select type from projected where aggregate_id = 'kr-1' and sequence = 1")
                        .query(String.class)
                        .single())
                .isEqualTo(NEW_TYPE);
        await().atMost(30, TimeUnit.SECONDS).until(() -> committed().get(new TopicPartition(topic, 0)) == 5L);
        assertThat(stoppedPartitions(upgradedMeters)).isZero();
        assertThat(intakeEvents(upgradedMeters, "unknown-type")).isZero();
    }

    /** A build of the contract from before the new type: its events decode as of an unknown type. */
    private EventEnvelope decodeWithoutTheNewType(byte[] value) {
        EventEnvelope envelope = EventCodec.decode(value);
        if (!envelope.type().equals(NEW_TYPE)) {
            return envelope;
        }
        newTypeMet.incrementAndGet();
        return new EventEnvelope(
                envelope.eventId(),
                envelope.type(),
                envelope.revision(),
                envelope.aggregateType(),
                envelope.aggregateId(),
                envelope.sequence(),
                envelope.occurredAt(),
                envelope.actor(),
                envelope.actorName(),
                envelope.correlationId(),
                null);
    }

    private AnnotationConfigApplicationContext start(MeterRegistry meters, EventDecoder decoder) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "test",
                        Map.of(
                                "spring.application.name",
                                SERVICE,
                                "okr.kafka.events-topic",
                                topic,
                                "okr.intake.concurrency",
                                "1",
                                "okr.intake.unknown-type-pause",
                                "PT1S",
                                "test.bootstrap-servers",
                                kafka())));
        DefaultConversionService conversions = new DefaultConversionService();
        conversions.addConverter(String.class, Duration.class, Duration::parse);
        context.getBeanFactory().setConversionService(conversions);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        context.registerBean(JdbcClient.class, () -> jdbc);
        context.registerBean(TransactionTemplate.class, () -> transactions);
        context.registerBean(MeterRegistry.class, () -> meters);
        context.registerBean(EventProjection.class, () -> this::project);
        if (decoder != null) {
            context.registerBean(EventDecoder.class, () -> decoder);
        }
        context.register(Listeners.class, EventIntakeConfiguration.class);
        context.refresh();
        return context;
    }

    /** What Spring Boot's Kafka auto-configuration gives the services: a container factory with the error handler bean. */
    @Configuration(proxyBeanMethods = false)
    @EnableKafka
    static class Listeners {

        @Bean
        ConcurrentKafkaListenerContainerFactory<String, byte[]> kafkaListenerContainerFactory(
                CommonErrorHandler errorHandler, Environment environment) {
            ConcurrentKafkaListenerContainerFactory<String, byte[]> factory =
                    new ConcurrentKafkaListenerContainerFactory<>();
            factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    environment.getRequiredProperty("test.bootstrap-servers"),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                    "earliest",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                    ByteArrayDeserializer.class)));
            factory.setCommonErrorHandler(errorHandler);
            return factory;
        }
    }

    private void project(EventEnvelope envelope) {
        jdbc.sql("insert into projected(aggregate_id, sequence, type) values (?, ?, ?)")
                .params(envelope.aggregateId(), envelope.sequence(), envelope.type())
                .update();
    }

    private List<Tuple> projected() {
        return jdbc.sql("select aggregate_id, sequence from projected order by n")
                .query((rs, n) -> tuple(rs.getString(1), rs.getLong(2)))
                .list();
    }

    private Map<TopicPartition, Long> committed() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(SERVICE + "-intake")
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            return offsets.entrySet().stream()
                    .filter(e -> e.getValue() != null)
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String kafka() {
        return SharedTestInfrastructure.kafka().bootstrapServers();
    }

    private static double stoppedPartitions(MeterRegistry meters) {
        return meters.get("okr.intake.stopped.partitions").gauge().value();
    }

    private static double intakeEvents(MeterRegistry meters, String outcome) {
        return meters.get("okr.intake.events").tag("outcome", outcome).counter().count();
    }

    private void send(int partition, EventEnvelope envelope) {
        try {
            producer.send(new ProducerRecord<>(topic, partition, envelope.aggregateId(), EventCodec.encode(envelope)))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static EventEnvelope known(String aggregate, long sequence) {
        return envelope(
                aggregate, sequence, new KeyResultReworded(UUID.randomUUID(), UUID.randomUUID(), "a", "b", "clearer"));
    }

    private static EventEnvelope measurement(String aggregate, long sequence) {
        return envelope(
                aggregate,
                sequence,
                new MeasurementRecorded(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        BigDecimal.TEN,
                        Instant.now(),
                        "a feed"));
    }

    private static EventEnvelope envelope(String aggregate, long sequence, OkrEvent event) {
        EventTypes.EventType type = EventTypes.of(event);
        return new EventEnvelope(
                UUID.randomUUID().toString(),
                type.name(),
                type.revision(),
                "KeyResult",
                aggregate,
                sequence,
                Instant.now(),
                "ana",
                "Ana",
                "c",
                event);
    }
}
