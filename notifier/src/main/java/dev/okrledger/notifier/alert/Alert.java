package dev.okrledger.notifier.alert;

import java.time.Instant;
import java.util.UUID;

/**
 * A raised alert. Its id is derived from its trigger (kind + key result + check-in), so the same
 * trigger always names the same alert, on every replay and on {@code okr.alerts}.
 */
public record Alert(UUID id, UUID keyResultId, UUID objectiveId, UUID checkInId, AlertKind kind, Severity severity,
                    Integer fromConfidence, Integer toConfidence, Instant raisedAt) {
}
