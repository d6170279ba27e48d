package dev.okrledger.contract.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A key result's weekly heartbeat. Revision 2 added {@code milestonesDone} (revision 1 events are
 * upcast with an empty list).
 *
 * @param effectiveAt    the moment the check-in speaks for (a past week's check-in may be recorded late)
 * @param value          for a MILESTONE key result, the number of milestones done
 * @param confidence     0..10 that the key result will be hit by the end of the cycle
 * @param milestonesDone for a MILESTONE key result, every milestone done so far; empty otherwise
 */
public record CheckInRecorded(
        UUID keyResultId,
        UUID objectiveId,
        UUID checkInId,
        Instant effectiveAt,
        BigDecimal value,
        int confidence,
        String note,
        String blockers,
        String decision,
        List<String> milestonesDone)
        implements OkrEvent {

    public CheckInRecorded {
        milestonesDone = milestonesDone == null ? List.of() : List.copyOf(milestonesDone);
    }

    /** A check-in on a metric key result. */
    public CheckInRecorded(
            UUID keyResultId,
            UUID objectiveId,
            UUID checkInId,
            Instant effectiveAt,
            BigDecimal value,
            int confidence,
            String note,
            String blockers,
            String decision) {
        this(keyResultId, objectiveId, checkInId, effectiveAt, value, confidence, note, blockers, decision, List.of());
    }

    @Override
    public String partitionKey() {
        return objectiveId.toString();
    }
}
