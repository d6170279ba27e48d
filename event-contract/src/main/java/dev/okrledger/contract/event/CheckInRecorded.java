package dev.okrledger.contract.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A key result's weekly heartbeat.
 *
 * @param effectiveAt the moment the check-in speaks for (a past week's check-in may be recorded late)
 * @param confidence  0..10 that the key result will be hit by the end of the cycle
 */
public record CheckInRecorded(UUID keyResultId, UUID objectiveId, UUID checkInId, Instant effectiveAt,
                              BigDecimal value, int confidence, String note, String blockers, String decision)
        implements OkrEvent {
    @Override
    public String partitionKey() {
        return objectiveId.toString();
    }
}
