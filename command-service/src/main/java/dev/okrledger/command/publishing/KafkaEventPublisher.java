package dev.okrledger.command.publishing;

import dev.okrledger.contract.event.EventCodec;
import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.contract.event.EventHeaders;
import dev.okrledger.contract.event.EventTypes;
import dev.okrledger.contract.event.OkrEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Publishes every stored event to {@code okr.events}, keyed by objective. Runs in the streaming
 * processor "kafka-publisher", whose token in PostgreSQL is the durable outbox position: records of
 * one batch are sent asynchronously and the token advances only after the broker acknowledged all of
 * them (at-least-once; consumers deduplicate by aggregate id and sequence).
 */
@Component
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
class KafkaEventPublisher {

    static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String PENDING_SENDS = KafkaEventPublisher.class.getName() + ".pending";

    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;
    private final Duration acknowledgementTimeout;
    private final Counter published;

    KafkaEventPublisher(
            KafkaTemplate<String, byte[]> kafka,
            @Value("${okr.kafka.events-topic}") String topic,
            @Value("${okr.kafka.publish-ack-timeout:30s}") Duration acknowledgementTimeout,
            MeterRegistry meters) {
        this.kafka = kafka;
        this.topic = topic;
        this.acknowledgementTimeout = acknowledgementTimeout;
        this.published = Counter.builder("okr.events.published")
                .description("Events acknowledged by Kafka on the events topic")
                .register(meters);
    }

    @EventHandler
    void publish(OkrEvent event, DomainEventMessage<?> message) {
        EventEnvelope envelope = new EventEnvelope(
                message.getIdentifier(),
                EventTypes.of(event).name(),
                EventTypes.of(event).revision(),
                message.getType(),
                message.getAggregateIdentifier(),
                message.getSequenceNumber(),
                message.getTimestamp(),
                (String) message.getMetaData().get(EventHeaders.META_ACTOR),
                (String) message.getMetaData().get(EventHeaders.META_ACTOR_NAME),
                (String) message.getMetaData().get(EventHeaders.META_CORRELATION_ID),
                event);
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(topic, event.partitionKey(), EventCodec.encode(envelope));
        header(record, EventHeaders.EVENT_ID, envelope.eventId());
        header(record, EventHeaders.EVENT_TYPE, envelope.type());
        header(record, EventHeaders.AGGREGATE_ID, envelope.aggregateId());
        header(record, EventHeaders.SEQUENCE, Long.toString(envelope.sequence()));
        header(record, EventHeaders.CORRELATION_ID, envelope.correlationId());
        pendingSends().add(kafka.send(record));
    }

    /** One list per batch; the batch commits (and the token moves) only once every send is acknowledged. */
    private List<CompletableFuture<?>> pendingSends() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            batch.onPrepareCommit(u -> awaitAcknowledgements(sends));
            return sends;
        });
    }

    private void awaitAcknowledgements(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(acknowledgementTimeout.toMillis(), TimeUnit.MILLISECONDS);
            published.increment(sends.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Kafka did not acknowledge a batch of " + sends.size() + " events; the batch will be retried", e);
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        if (value != null) {
            record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
