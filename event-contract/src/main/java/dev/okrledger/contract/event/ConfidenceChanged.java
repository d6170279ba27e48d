package dev.okrledger.contract.event;

import java.time.Instant;
import java.util.UUID;

/**
 * Raised with a check-in whose confidence differs from the check-in before it (in effective order),
 * so that consumers need not recompute it.
 */
public record ConfidenceChanged(
        UUID keyResultId,
        UUID objectiveId,
        UUID checkInId,
        Instant effectiveAt,
        int fromConfidence,
        int toConfidence,
        ConfidenceBand fromBand,
        ConfidenceBand toBand)
        implements OkrEvent {
    @Override
    public String partitionKey() {
        return objectiveId.toString();
    }
}
