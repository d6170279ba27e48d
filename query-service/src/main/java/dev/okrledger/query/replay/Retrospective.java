package dev.okrledger.query.replay;

import dev.okrledger.contract.event.ObjectiveLevel;
import dev.okrledger.query.cycle.CycleSnapshot;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The report of a closed cycle.
 *
 * @param pivots        not in the events yet: always empty until initiatives and pivots are published
 * @param targetChanges not in the events yet: always empty
 */
public record Retrospective(CycleSnapshot cycle, List<ObjectiveScore> objectives, List<Team> teams,
                            Adherence adherence, List<Object> pivots, List<Object> targetChanges) {

    /** @param score mean of its key results' scores; null without key results */
    public record ObjectiveScore(UUID id, String title, ObjectiveLevel level, String team, Double score,
                                 List<KeyResultScore> keyResults) {
    }

    /**
     * @param score       progress on the final value (latest in effective order), 0 without check-ins
     * @param targetHit   score >= 1.0
     * @param brierScore  mean of (confidence/10 − hit)² over its check-ins; null without check-ins
     */
    public record KeyResultScore(UUID id, String title, String owner, BigDecimal finalValue, double score,
                                 boolean targetHit, Integer finalConfidence, Double brierScore,
                                 List<ConfidencePoint> trajectory, Adherence adherence) {
    }

    public record ConfidencePoint(Instant effectiveAt, int confidence, double progress) {
    }

    /**
     * Calibration per team: how well confidence predicted the outcome. 0 is perfect, 0.25 is what
     * always saying 5 earns, 1 is confidently wrong every time.
     */
    public record Team(String team, int keyResults, int targetsHit, int checkIns, Double brierScore,
                       Adherence adherence) {
    }

    /** Share of cadence periods (weeks for a weekly cycle) in which a key result had at least one check-in. */
    public record Adherence(int periods, int periodsWithCheckIn, double share) {
    }
}
