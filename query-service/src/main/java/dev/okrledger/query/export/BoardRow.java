package dev.okrledger.query.export;

import dev.okrledger.contract.event.ConfidenceBand;
import dev.okrledger.contract.event.ObjectiveLevel;
import dev.okrledger.contract.policy.PaceVerdict;
import dev.okrledger.query.board.KeyResultState;
import dev.okrledger.query.board.ObjectiveState;
import dev.okrledger.query.board.Trend;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One key result on the board with its objective's figures beside it (an objective without key
 * results gets one row with the key result's columns empty). Same figures as the dashboard: a key
 * result row's {@code expectedProgress} is the key result's own (planned checkpoints move it), an
 * empty row's the objective's.
 */
record BoardRow(
        UUID objectiveId,
        String objectiveTitle,
        ObjectiveLevel level,
        String team,
        UUID parentObjectiveId,
        Double objectiveProgress,
        PaceVerdict objectivePace,
        ConfidenceBand objectiveBand,
        Double objectiveMeanConfidence,
        UUID keyResultId,
        String keyResultTitle,
        String unit,
        String owner,
        BigDecimal baseline,
        BigDecimal target,
        BigDecimal value,
        Double progress,
        double expectedProgress,
        PaceVerdict pace,
        Integer confidence,
        ConfidenceBand band,
        Trend trend,
        Boolean stale,
        Instant lastCheckInAt) {

    static BoardRow of(ObjectiveState o, KeyResultState k) {
        return new BoardRow(
                o.id(),
                o.title(),
                o.level(),
                o.team(),
                o.parentObjectiveId(),
                o.progress(),
                o.pace(),
                o.band(),
                o.meanConfidence(),
                k == null ? null : k.id(),
                k == null ? null : k.title(),
                k == null ? null : k.unit(),
                k == null ? null : k.owner(),
                k == null ? null : k.baseline(),
                k == null ? null : k.target(),
                k == null ? null : k.value(),
                k == null ? null : k.progress(),
                k == null ? o.expectedProgress() : k.expectedProgress(),
                k == null ? null : k.pace(),
                k == null ? null : k.confidence(),
                k == null ? null : k.band(),
                k == null ? null : k.trend(),
                k == null ? null : k.stale(),
                k == null ? null : k.lastCheckInAt());
    }
}
