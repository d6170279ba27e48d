package dev.okrledger.contract.event;

import java.util.UUID;

/** An initiative is done. */
public record InitiativeCompleted(UUID keyResultId, UUID objectiveId, UUID initiativeId) implements OkrEvent {
    @Override
    public String partitionKey() {
        return objectiveId.toString();
    }
}
