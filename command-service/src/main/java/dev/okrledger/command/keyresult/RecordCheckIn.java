package dev.okrledger.command.keyresult;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * @param checkInId       chosen by the client: sending the same check-in again records it once
 * @param value           the current value of a METRIC key result; ignored for MILESTONE ones
 * @param milestonesDone  for a MILESTONE key result: every milestone done so far
 * @param effectiveAt     the moment the check-in speaks for; null means now
 * @param expectedVersion the key result version the client saw, or null
 */
public record RecordCheckIn(
        UUID keyResultId,
        UUID checkInId,
        BigDecimal value,
        int confidence,
        String note,
        String blockers,
        String decision,
        Instant effectiveAt,
        List<String> milestonesDone,
        Long expectedVersion) {

    public RecordCheckIn {
        milestonesDone = milestonesDone == null ? List.of() : List.copyOf(milestonesDone);
    }

    public RecordCheckIn(
            UUID keyResultId,
            UUID checkInId,
            BigDecimal value,
            int confidence,
            String note,
            String blockers,
            String decision,
            Instant effectiveAt) {
        this(keyResultId, checkInId, value, confidence, note, blockers, decision, effectiveAt, List.of(), null);
    }
}
