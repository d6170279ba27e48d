package dev.okrledger.query.board;

import dev.okrledger.contract.event.ConfidenceBand;
import dev.okrledger.contract.event.ObjectiveLevel;
import dev.okrledger.contract.policy.PaceVerdict;

import java.util.List;
import java.util.UUID;

/**
 * An objective on a board.
 *
 * @param progress       mean of its key results' progress; null without key results
 * @param band           the worst band among its key results: an objective is as much at risk as its riskiest KR
 * @param meanConfidence mean of its key results' latest confidence; null before any check-in
 * @param trend          direction of the sum of its key results' last confidence changes
 * @param rollUp         the objectives aligned to it (its children in the alignment tree)
 */
public record ObjectiveState(
        UUID id,
        String title,
        ObjectiveLevel level,
        String team,
        UUID parentObjectiveId,
        Double progress,
        double expectedProgress,
        PaceVerdict pace,
        ConfidenceBand band,
        Double meanConfidence,
        Trend trend,
        List<KeyResultState> keyResults,
        RollUp rollUp) {

    /**
     * @param childrenProgress mean progress of the aligned objectives' subtrees; null without children
     */
    public record RollUp(int children, Double childrenProgress, List<Child> aligned) {}

    /** @param progress the child's own progress; {@code subtreeProgress} also covers its descendants */
    public record Child(UUID id, String title, String team, Double progress, Double subtreeProgress) {}
}
