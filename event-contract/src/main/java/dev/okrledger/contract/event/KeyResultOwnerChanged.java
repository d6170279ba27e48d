package dev.okrledger.contract.event;

import java.util.UUID;

/** A key result changed hands mid-cycle. */
public record KeyResultOwnerChanged(UUID keyResultId, UUID objectiveId, String fromOwner, String toOwner, String reason)
        implements OkrEvent {
    @Override
    public String partitionKey() {
        return objectiveId.toString();
    }
}
