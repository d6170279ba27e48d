package dev.okrledger.command.keyresult;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * @param checkInId   chosen by the client: sending the same check-in again records it once
 * @param effectiveAt the moment the check-in speaks for; null means now
 */
public record RecordCheckIn(UUID keyResultId, UUID checkInId, BigDecimal value, int confidence, String note,
                            String blockers, String decision, Instant effectiveAt) {
}
