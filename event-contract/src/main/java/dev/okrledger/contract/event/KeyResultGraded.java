package dev.okrledger.contract.event;

import java.math.BigDecimal;
import java.util.UUID;

/** The score of a key result at cycle close: progress of its last value (0 with no check-in), 0.0–1.0. */
public record KeyResultGraded(UUID keyResultId, UUID objectiveId, UUID cycleId, BigDecimal finalValue, double score)
        implements OkrEvent {
    @Override
    public String partitionKey() {
        return objectiveId.toString();
    }
}
