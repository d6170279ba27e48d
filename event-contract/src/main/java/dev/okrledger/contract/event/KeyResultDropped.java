package dev.okrledger.contract.event;

import java.util.UUID;

/** A key result is no longer pursued; it takes no more check-ins and is not graded. */
public record KeyResultDropped(UUID keyResultId, UUID objectiveId, String reason) implements OkrEvent {
    @Override
    public String partitionKey() {
        return objectiveId.toString();
    }
}
