package dev.okrledger.contract.event;

import java.util.UUID;

/** A planned initiative became active. */
public record InitiativeStarted(UUID keyResultId, UUID objectiveId, UUID initiativeId) implements OkrEvent {
    @Override
    public String partitionKey() {
        return objectiveId.toString();
    }
}
