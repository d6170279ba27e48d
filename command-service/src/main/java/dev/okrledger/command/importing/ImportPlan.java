package dev.okrledger.command.importing;

import dev.okrledger.command.keyresult.DefineKeyResult;
import dev.okrledger.command.objective.DefineObjective;

import java.util.List;

/**
 * A validated import: the commands it would issue, parents before the objectives aligned to them
 * and every objective before its key results, each marked when its aggregate already exists.
 */
record ImportPlan(List<PlannedObjective> objectives, List<PlannedKeyResult> keyResults) {

    /** @param row the first row of the objective in the file */
    record PlannedObjective(int row, String ref, DefineObjective command, boolean alreadyPresent) {}

    /** @param team the owning team of its objective, which decides who may add it */
    record PlannedKeyResult(
            int row, String objectiveRef, String team, DefineKeyResult command, boolean alreadyPresent) {}
}
