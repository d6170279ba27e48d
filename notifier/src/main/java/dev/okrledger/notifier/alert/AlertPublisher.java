package dev.okrledger.notifier.alert;

import dev.okrledger.contract.event.EventCodec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Sends each alert change to {@code okr.alerts} (key = key result, so one alert's changes stay in
 * order) and waits for the broker, inside the transaction that made the change: if Kafka fails the
 * change is rolled back. A crash between send and commit may publish a change twice, with the same
 * alert id and change: consumers deduplicate on (alert.id, change).
 */
@Component
class AlertPublisher implements AlertChangeListener {

    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;
    private final Duration timeout;

    AlertPublisher(KafkaTemplate<String, byte[]> kafka, @Value("${okr.kafka.alerts-topic}") String topic,
                   @Value("${okr.kafka.publish-ack-timeout:30s}") Duration timeout) {
        this.kafka = kafka;
        this.topic = topic;
        this.timeout = timeout;
    }

    @Override
    public void on(AlertChange change) {
        Alert alert = change.alert();
        try {
            kafka.send(topic, alert.keyResultId().toString(), EventCodec.mapper().writeValueAsBytes(change))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing alert " + alert.id(), e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge alert " + alert.id(), e);
        }
    }
}
