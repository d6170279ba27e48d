package dev.okrledger.intake;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Wires a consuming service to {@code okr.events}: every {@link EventProjection} bean of the
 * service is fed through one {@link EventIntake}. Import it from the service's application class.
 * The listener id, which is also the consumer group, is {@code <spring.application.name>-intake}.
 * A partition stopped at an event type this build does not know is tried again every
 * {@code okr.intake.unknown-type-pause} (30 s).
 */
@Configuration(proxyBeanMethods = false)
public class EventIntakeConfiguration {

    @Bean
    EventIntake eventIntake(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            List<EventProjection> projections,
            MeterRegistry meters,
            ObjectProvider<EventDecoder> decoder,
            @Value("${spring.application.name}") String service) {
        return new EventIntake(
                jdbc, transactions, projections, meters, decoder.getIfAvailable(() -> EventDecoder.CONTRACT), service);
    }

    @Bean
    CommonErrorHandler intakeErrorHandler(@Value("${okr.intake.unknown-type-pause:30s}") Duration unknownTypePause) {
        return IntakeErrorHandling.retryForever(unknownTypePause);
    }

    @Bean
    EventsListener eventsListener(EventIntake intake) {
        return new EventsListener(intake);
    }

    static class EventsListener implements ConsumerSeekAware {
        private final EventIntake intake;

        EventsListener(EventIntake intake) {
            this.intake = intake;
        }

        /** One poll, one transaction: a commit per batch instead of per event. */
        @KafkaListener(
                id = "${spring.application.name}-intake",
                topics = "${okr.kafka.events-topic}",
                batch = "true",
                concurrency = "${okr.intake.concurrency:2}")
        void on(List<ConsumerRecord<String, byte[]>> records) {
            try {
                intake.acceptBatch(records);
            } catch (UnknownEventType stop) {
                // names the record, so the error handler commits the ones before it and holds its partition there
                throw new BatchListenerFailedException(stop.getMessage(), stop, stop.record());
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions != null) {
                intake.partitionsRevoked(partitions);
            }
        }
    }
}
