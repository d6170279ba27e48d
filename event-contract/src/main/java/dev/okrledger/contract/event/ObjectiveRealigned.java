package dev.okrledger.contract.event;

import java.util.UUID;

/** An objective now aligns to another parent (or none: null), in the same cycle. */
public record ObjectiveRealigned(UUID objectiveId, UUID fromParentObjectiveId, UUID toParentObjectiveId, String reason)
        implements OkrEvent {
    @Override
    public String partitionKey() {
        return objectiveId.toString();
    }
}
