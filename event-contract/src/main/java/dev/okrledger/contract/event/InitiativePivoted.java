package dev.okrledger.contract.event;

import java.util.UUID;

/** An initiative's approach was replaced mid-cycle; checkInId names the check-in that decided it, or null. */
public record InitiativePivoted(
        UUID keyResultId,
        UUID objectiveId,
        UUID initiativeId,
        String fromApproach,
        String toApproach,
        String reason,
        UUID checkInId)
        implements OkrEvent {
    @Override
    public String partitionKey() {
        return objectiveId.toString();
    }
}
