package dev.okrledger.query.audit;

import java.time.Instant;
import java.util.List;

/**
 * One change, straight from its event.
 *
 * @param subject   what changed: {@code objective}, {@code key-result} or {@code cycle}, and its id
 * @param reason    the event's reason, for event types that carry one (none do yet)
 * @param changes   before/after per field; {@code before} is null where the event created the value
 */
public record AuditEntry(
        long position,
        String eventId,
        String type,
        String subject,
        String subjectId,
        Instant occurredAt,
        String actor,
        String actorName,
        String correlationId,
        String reason,
        List<Change> changes) {

    public record Change(String field, Object before, Object after) {}
}
