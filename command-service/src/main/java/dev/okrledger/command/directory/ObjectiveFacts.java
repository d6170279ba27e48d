package dev.okrledger.command.directory;

import java.util.UUID;

/** @param parentObjectiveId the objective this one aligns to, or null */
public record ObjectiveFacts(UUID objectiveId, UUID cycleId, String team, UUID parentObjectiveId, boolean retired) {

    public ObjectiveFacts(UUID objectiveId, UUID cycleId, String team) {
        this(objectiveId, cycleId, team, null, false);
    }
}
