package dev.okrledger.command.objective;

import dev.okrledger.contract.event.ObjectiveLevel;

import java.util.UUID;

/** @param parentObjectiveId the objective this one aligns to, in the same cycle; may be null */
public record DefineObjective(
        UUID objectiveId, UUID cycleId, String title, ObjectiveLevel level, String team, UUID parentObjectiveId) {}
