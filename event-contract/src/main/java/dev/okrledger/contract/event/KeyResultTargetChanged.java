package dev.okrledger.contract.event;

import java.math.BigDecimal;
import java.util.UUID;

/** A key result's target changed mid-cycle; the original stays in history. */
public record KeyResultTargetChanged(
        UUID keyResultId, UUID objectiveId, BigDecimal fromTarget, BigDecimal toTarget, String reason)
        implements OkrEvent {
    @Override
    public String partitionKey() {
        return objectiveId.toString();
    }
}
