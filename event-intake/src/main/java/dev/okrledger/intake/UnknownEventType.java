package dev.okrledger.intake;

import dev.okrledger.contract.event.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * An event of a type this build does not know, met on {@code okr.events}. It is never skipped: its
 * partition waits on it until a build that knows the type takes over ({@link IntakeErrorHandling}).
 */
public final class UnknownEventType extends RuntimeException {

    private final transient ConsumerRecord<?, ?> record;

    UnknownEventType(ConsumerRecord<?, ?> record, EventEnvelope envelope) {
        super("Event type " + envelope.type() + " (revision " + envelope.revision() + ") at " + record.topic() + "-"
                + record.partition() + "@" + record.offset()
                + " is unknown to this build; its partition waits for an upgrade");
        this.record = record;
    }

    public ConsumerRecord<?, ?> record() {
        return record;
    }

    public TopicPartition partition() {
        return new TopicPartition(record.topic(), record.partition());
    }

    /** The unknown event type somewhere in this exception's causes, or null. */
    static UnknownEventType in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnknownEventType unknown) {
                return unknown;
            }
        }
        return null;
    }
}
