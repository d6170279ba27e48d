package dev.okrledger.contract.event;

import java.time.Instant;

/**
 * An event as it travels between services: the payload plus who, when, which aggregate and which
 * position in that aggregate's stream. Consumers deduplicate on (aggregateId, sequence).
 *
 * @param payload the event, or null when this consumer does not know {@code type} (a newer producer):
 *                the intake then stops its partition there until the consumer is upgraded
 */
public record EventEnvelope(
        String eventId,
        String type,
        String revision,
        String aggregateType,
        String aggregateId,
        long sequence,
        Instant occurredAt,
        String actor,
        String actorName,
        String correlationId,
        OkrEvent payload) {

    public boolean isKnown() {
        return payload != null;
    }
}
