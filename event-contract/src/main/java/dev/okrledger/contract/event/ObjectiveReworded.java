package dev.okrledger.contract.event;

import java.util.UUID;

/** An objective's wording changed mid-cycle; the reason is mandatory. */
public record ObjectiveReworded(UUID objectiveId, String fromTitle, String toTitle, String reason) implements OkrEvent {
    @Override
    public String partitionKey() {
        return objectiveId.toString();
    }
}
