package dev.okrledger.contract.event;

import java.util.UUID;

/** A key result's wording changed mid-cycle; the original stays in history. */
public record KeyResultReworded(UUID keyResultId, UUID objectiveId, String fromTitle, String toTitle, String reason)
        implements OkrEvent {
    @Override
    public String partitionKey() {
        return objectiveId.toString();
    }
}
