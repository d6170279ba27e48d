package dev.okrledger.contract.event;

import java.util.UUID;

/** An initiative was stopped before it was done. */
public record InitiativeStopped(UUID keyResultId, UUID objectiveId, UUID initiativeId, String reason)
        implements OkrEvent {
    @Override
    public String partitionKey() {
        return objectiveId.toString();
    }
}
