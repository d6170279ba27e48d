package dev.okrledger.notifier.alert;

import dev.okrledger.contract.event.EventCodec;
import dev.okrledger.support.problem.DependencyUnavailable;
import dev.okrledger.support.problem.ProblemRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends each alert change to {@code okr.alerts} (key = key result, so one alert's changes stay in
 * order). Sends of one transaction go out asynchronously and are all awaited just before it
 * commits: if Kafka fails the changes are rolled back (and the events redelivered). A crash between
 * send and commit may publish a change twice, with the same alert id and change: consumers
 * deduplicate on (alert.id, change).
 */
@Component
class AlertPublisher implements AlertChangeListener {

    private static final Object PENDING = new Object();

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
        CompletableFuture<?> sent;
        try {
            sent = kafka.send(topic, change.alert().keyResultId().toString(),
                    EventCodec.mapper().writeValueAsBytes(change));
        } catch (KafkaException | org.apache.kafka.common.KafkaException e) {
            // no metadata for the topic within max.block.ms: the broker is away
            throw unavailable(1, e);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            pendingSends().add(sent);
        } else {
            await(List.of(sent));
        }
    }

    @SuppressWarnings("unchecked")
    private List<CompletableFuture<?>> pendingSends() {
        List<CompletableFuture<?>> pending = (List<CompletableFuture<?>>) TransactionSynchronizationManager.getResource(PENDING);
        if (pending == null) {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(PENDING, sends);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    await(sends);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
                }
            });
            pending = sends;
        }
        return pending;
    }

    private void await(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing alert changes", e);
        } catch (Exception e) {
            throw unavailable(sends.size(), e);
        }
    }

    /**
     * The change is rolled back with its transaction: an acknowledge or resolve is refused with 503
     * (decision 0028), an event is taken in again. The producer gives a record up after
     * {@code delivery.timeout.ms}, shorter than our wait, so a refused change is not sent later.
     */
    private static DependencyUnavailable unavailable(int changes, Exception e) {
        return new DependencyUnavailable(ProblemRules.BROKER_UNAVAILABLE,
                "Kafka did not take " + changes + " alert change(s) in time; nothing was changed", e);
    }
}
