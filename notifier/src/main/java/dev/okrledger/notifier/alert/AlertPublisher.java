package dev.okrledger.notifier.alert;

import dev.okrledger.contract.event.EventCodec;
import dev.okrledger.support.problem.DependencyUnavailable;
import dev.okrledger.support.problem.ProblemRules;
import org.apache.kafka.clients.producer.ProducerRecord;
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
 * order). Changes of one transaction are sent together and awaited just before it commits: if
 * Kafka fails the changes are rolled back (and the events redelivered). A crash between
 * send and commit may publish a change twice, with the same alert id and change: consumers
 * deduplicate on (alert.id, change).
 */
@Component
class AlertPublisher implements AlertChangeListener {

    private static final Object PENDING = new Object();

    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;
    private final Duration timeout;

    AlertPublisher(
            KafkaTemplate<String, byte[]> kafka,
            @Value("${okr.kafka.alerts-topic}") String topic,
            @Value("${okr.kafka.publish-ack-timeout:30s}") Duration timeout) {
        this.kafka = kafka;
        this.topic = topic;
        this.timeout = timeout;
    }

    @Override
    public void on(AlertChange change) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                topic,
                change.alert().keyResultId().toString(),
                EventCodec.mapper().writeValueAsBytes(change));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            pendingRecords().add(record);
        } else {
            await(List.of(send(record, 1)));
        }
    }

    /**
     * The records of this transaction, sent together just before it commits: one produce request
     * for a poll's alerts instead of one per linger period while the poll is projected.
     */
    @SuppressWarnings("unchecked")
    private List<ProducerRecord<String, byte[]>> pendingRecords() {
        List<ProducerRecord<String, byte[]>> pending =
                (List<ProducerRecord<String, byte[]>>) TransactionSynchronizationManager.getResource(PENDING);
        if (pending == null) {
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(PENDING, records);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    List<CompletableFuture<?>> sends = new ArrayList<>(records.size());
                    records.forEach(r -> sends.add(send(r, records.size())));
                    kafka.flush(); // no linger: the transaction waits for these acknowledgements anyway
                    await(sends);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
                }
            });
            pending = records;
        }
        return pending;
    }

    private CompletableFuture<?> send(ProducerRecord<String, byte[]> record, int changes) {
        try {
            return kafka.send(record);
        } catch (KafkaException | org.apache.kafka.common.KafkaException e) {
            // no metadata for the topic within max.block.ms: the broker is away
            throw unavailable(changes, e);
        }
    }

    private void await(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
        return new DependencyUnavailable(
                ProblemRules.BROKER_UNAVAILABLE,
                "Kafka did not take " + changes + " alert change(s) in time; nothing was changed",
                e);
    }
}
