package dev.okrledger.notifier.alert;

import dev.okrledger.contract.event.EventCodec;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Sends an alert to {@code okr.alerts} (key = key result) and waits for the broker, inside the
 * transaction that stored it: if Kafka fails the alert is rolled back and the event redelivered.
 * A crash between send and commit may publish an alert twice, with the same alert id.
 */
@Component
class AlertPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;
    private final Duration timeout;
    private final MeterRegistry meters;

    AlertPublisher(KafkaTemplate<String, byte[]> kafka, @Value("${okr.kafka.alerts-topic}") String topic,
                   @Value("${okr.kafka.publish-ack-timeout:30s}") Duration timeout, MeterRegistry meters) {
        this.kafka = kafka;
        this.topic = topic;
        this.timeout = timeout;
        this.meters = meters;
    }

    void publish(Alert alert) {
        try {
            kafka.send(topic, alert.keyResultId().toString(), EventCodec.mapper().writeValueAsBytes(alert))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing alert " + alert.id(), e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge alert " + alert.id(), e);
        }
        meters.counter("okr.alerts.raised", "kind", alert.kind().name(), "severity", alert.severity().name())
                .increment();
    }
}
