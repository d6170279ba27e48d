package dev.okrledger.dashboard.keyresult;

import java.time.Instant;
import java.util.List;

/**
 * One change of a key result, as its audit timeline answers it ({@code GET /api/key-results/{id}/audit}).
 *
 * @param changes before/after per field; {@code before} is null where the event created the value
 */
record AuditEntry(
        long position,
        String type,
        Instant occurredAt,
        String actor,
        String actorName,
        String reason,
        List<Change> changes) {

    record Change(String field, Object before, Object after) {}
}
