package dev.okrledger.notifier.alert;

import java.time.Instant;
import java.util.UUID;

/**
 * An alert. Its id is derived from its trigger (kind + key result + triggering check-in), so the same
 * trigger always names the same alert, on every replay, on {@code okr.alerts} and in webhooks.
 *
 * @param checkInId          the check-in that raised it; for MISSED_CHECK_IN the last check-in before
 *                           the silence (null when there was none)
 * @param checkInEffectiveAt that check-in's effective moment; only later check-ins recover from it
 * @param detail             one human sentence on why it was raised
 */
public record Alert(
        UUID id,
        UUID keyResultId,
        UUID objectiveId,
        UUID cycleId,
        String team,
        UUID checkInId,
        AlertKind kind,
        Severity severity,
        Integer fromConfidence,
        Integer toConfidence,
        Instant raisedAt,
        Instant checkInEffectiveAt,
        String detail,
        AlertStatus status,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant resolvedAt,
        String resolvedBy) {

    /** A newly raised alert. */
    static Alert raised(
            AlertKind kind,
            Severity severity,
            UUID keyResultId,
            UUID objectiveId,
            UUID cycleId,
            String team,
            UUID checkInId,
            Instant checkInEffectiveAt,
            Integer fromConfidence,
            Integer toConfidence,
            Instant raisedAt,
            String detail) {
        UUID trigger = checkInId == null ? keyResultId : checkInId;
        return new Alert(
                AlertRules.alertId(kind, keyResultId, trigger),
                keyResultId,
                objectiveId,
                cycleId,
                team,
                checkInId,
                kind,
                severity,
                fromConfidence,
                toConfidence,
                raisedAt,
                checkInEffectiveAt,
                detail,
                AlertStatus.OPEN,
                null,
                null,
                null,
                null);
    }

    /** Unique per trigger: the database refuses a second alert for it. */
    String triggerKey() {
        return kind + "/" + keyResultId + "/" + (checkInId == null ? "none" : checkInId);
    }
}
