package dev.okrledger.query.export;

import dev.okrledger.query.replay.Retrospective;

/** A team's calibration and check-in adherence over a closed cycle, as the retrospective read model has it. */
record TeamRow(
        String team,
        int keyResults,
        int targetsHit,
        int checkIns,
        Double brierScore,
        int periods,
        int periodsWithCheckIn,
        double adherence) {

    static TeamRow of(Retrospective.Team t) {
        return new TeamRow(
                t.team(),
                t.keyResults(),
                t.targetsHit(),
                t.checkIns(),
                t.brierScore(),
                t.adherence().periods(),
                t.adherence().periodsWithCheckIn(),
                t.adherence().share());
    }
}
