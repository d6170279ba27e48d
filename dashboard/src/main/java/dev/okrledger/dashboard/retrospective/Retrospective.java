package dev.okrledger.dashboard.retrospective;

import dev.okrledger.contract.event.ObjectiveLevel;
import dev.okrledger.dashboard.readmodel.Cycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The report of a closed cycle, as the query service answers it ({@code GET /api/cycles/{id}/retrospective}). Retired objectives and dropped key results are left out of scores,
 * teams and adherence (as on the dashboard); pivots and target changes cover every key result of the cycle.
 */
record Retrospective(
        Cycle cycle,
        List<ObjectiveScore> objectives,
        List<Team> teams,
        Adherence adherence,
        List<Pivot> pivots,
        List<TargetChange> targetChanges) {

    /**
     * @param score mean of its key results' scores; null without key results
     * @param notes the retrospective notes recorded for the objective, oldest first
     */
    public record ObjectiveScore(
            UUID id,
            String title,
            ObjectiveLevel level,
            String team,
            Double score,
            List<KeyResultScore> keyResults,
            List<Note> notes) {}

    public record Note(Instant at, String by, String note) {}

    /**
     * @param score       the score of the KeyResultGraded event when the key result was graded
     *                    ({@code graded} true), else progress on the final value (latest in effective
     *                    order), 0 without check-ins
     * @param targetHit   score >= 1.0
     * @param brierScore  mean of (confidence/10 − hit)² over its check-ins; null without check-ins
     */
    public record KeyResultScore(
            UUID id,
            String title,
            String owner,
            BigDecimal finalValue,
            double score,
            boolean graded,
            boolean targetHit,
            Integer finalConfidence,
            Double brierScore,
            List<ConfidencePoint> trajectory,
            Adherence adherence) {}

    public record Pivot(
            UUID keyResultId,
            String keyResultTitle,
            UUID initiativeId,
            String initiativeTitle,
            Instant at,
            String by,
            String fromApproach,
            String toApproach,
            String reason,
            UUID checkInId) {}

    public record TargetChange(
            UUID keyResultId,
            String keyResultTitle,
            Instant at,
            String by,
            BigDecimal fromTarget,
            BigDecimal toTarget,
            String reason) {}

    public record ConfidencePoint(Instant effectiveAt, int confidence, double progress) {}

    /**
     * Calibration per team: how well confidence predicted the outcome. 0 is perfect, 0.25 is what
     * always saying 5 earns, 1 is confidently wrong every time.
     */
    public record Team(
            String team, int keyResults, int targetsHit, int checkIns, Double brierScore, Adherence adherence) {}

    /** Share of cadence periods (weeks for a weekly cycle) in which a key result had at least one check-in. */
    public record Adherence(int periods, int periodsWithCheckIn, double share) {}
}
