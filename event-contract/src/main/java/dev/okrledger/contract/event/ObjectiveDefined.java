package dev.okrledger.contract.event;

import java.util.UUID;

/** @param parentObjectiveId the objective this one aligns to, or null */
public record ObjectiveDefined(
        UUID objectiveId, UUID cycleId, String title, ObjectiveLevel level, String team, UUID parentObjectiveId)
        implements OkrEvent {
    @Override
    public String partitionKey() {
        return objectiveId.toString();
    }
}
