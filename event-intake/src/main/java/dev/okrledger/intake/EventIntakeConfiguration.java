package dev.okrledger.intake;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Wires a consuming service to {@code okr.events}: every {@link EventProjection} bean of the
 * service is fed through one {@link EventIntake}. Import it from the service's application class.
 * The listener id, which is also the consumer group, is {@code <spring.application.name>-intake}.
 */
@Configuration(proxyBeanMethods = false)
public class EventIntakeConfiguration {

    @Bean
    EventIntake eventIntake(JdbcClient jdbc, TransactionTemplate transactions, List<EventProjection> projections,
                            MeterRegistry meters) {
        return new EventIntake(jdbc, transactions, projections, meters);
    }

    @Bean
    CommonErrorHandler intakeErrorHandler() {
        return IntakeErrorHandling.retryForever();
    }

    @Bean
    EventsListener eventsListener(EventIntake intake) {
        return new EventsListener(intake);
    }

    static class EventsListener {
        private final EventIntake intake;

        EventsListener(EventIntake intake) {
            this.intake = intake;
        }

        /** One poll, one transaction: a commit per batch instead of per event. */
        @KafkaListener(id = "${spring.application.name}-intake", topics = "${okr.kafka.events-topic}",
                batch = "true", concurrency = "${okr.intake.concurrency:2}")
        void on(List<ConsumerRecord<String, byte[]>> records) {
            intake.acceptBatch(records);
        }
    }
}
