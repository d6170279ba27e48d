package dev.okrledger.contract.event;

import java.util.UUID;

/** An objective is no longer pursued in its cycle; its history stays. */
public record ObjectiveRetired(UUID objectiveId, String reason) implements OkrEvent {
    @Override
    public String partitionKey() {
        return objectiveId.toString();
    }
}
