package dev.okrledger.command.measurement;

import dev.okrledger.command.shared.InvalidInput;
import dev.okrledger.command.shared.StateConflict;
import dev.okrledger.command.shared.UnknownEntity;
import dev.okrledger.support.problem.Outages;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code okr.measurements} and its dead-letter topic. A record the rules refuse, or that is no
 * measurement at all, is sent to {@code <topic>.dlt} at once with the reason in the
 * {@value #REASON_HEADER} header, and the stream goes on. An outage (the database away) is no fault
 * of the record: it is tried again, less and less often, until the database is back, so a feed that
 * keeps sending during a restart loses nothing to the dead-letter topic. Other failures are tried a
 * few more times first.
 */
@Configuration
class MeasurementsTopicConfiguration {

    static final String REASON_HEADER = "okr-refusal-reason";

    @Bean
    NewTopic measurementsTopic(
            @Value("${okr.kafka.measurements-topic}") String topic,
            @Value("${okr.kafka.measurements-partitions:3}") int partitions,
            @Value("${okr.kafka.replication-factor:1}") short replicas) {
        return TopicBuilder.name(topic)
                .partitions(partitions)
                .replicas(replicas)
                .build();
    }

    /** Same partitions as the topic: the recoverer writes a dead letter to the partition it came from. */
    @Bean
    NewTopic measurementsDeadLetterTopic(
            @Value("${okr.kafka.measurements-topic}") String topic,
            @Value("${okr.kafka.measurements-partitions:3}") int partitions,
            @Value("${okr.kafka.replication-factor:1}") short replicas) {
        return TopicBuilder.name(topic + ".dlt")
                .partitions(partitions)
                .replicas(replicas)
                .build();
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> measurementsContainerFactory(
            KafkaProperties properties, KafkaTemplate<String, byte[]> template) {
        Map<String, Object> consumer = new HashMap<>(properties.buildConsumerProperties());
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(consumer));
        factory.setCommonErrorHandler(deadLetters(template));
        return factory;
    }

    static DefaultErrorHandler deadLetters(KafkaTemplate<String, byte[]> template) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                template, (record, e) -> new TopicPartition(record.topic() + ".dlt", record.partition()));
        recoverer.setHeadersFunction((record, e) -> new RecordHeaders(
                new RecordHeader[] {new RecordHeader(REASON_HEADER, reason(e).getBytes(StandardCharsets.UTF_8))}));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(500, 3));
        handler.setBackOffFunction((record, e) -> backOffFor(e));
        // a refusal stays a refusal: trying again only delays the records behind it
        handler.addNotRetryableExceptions(
                MeasurementMessage.MalformedMeasurement.class,
                InvalidInput.class,
                StateConflict.class,
                UnknownEntity.class);
        return handler;
    }

    /** For an outage, {@link #untilTheOutageEnds()}; null (the handler's few attempts) for anything else. */
    static BackOff backOffFor(Exception failure) {
        return Outages.isOutage(failure) ? untilTheOutageEnds() : null;
    }

    /** Every attempt waits twice as long as the one before, at most 15 s, and never gives up. */
    private static BackOff untilTheOutageEnds() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(15_000); // no elapsed-time or attempt limit: Spring's defaults are unlimited
        return backOff;
    }

    /** The innermost message: the rule's own words rather than the listener's wrapper. */
    static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
