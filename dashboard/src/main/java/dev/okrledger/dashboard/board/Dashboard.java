package dev.okrledger.dashboard.board;

import dev.okrledger.contract.event.ConfidenceBand;
import dev.okrledger.contract.event.ObjectiveLevel;
import dev.okrledger.contract.policy.PaceVerdict;
import dev.okrledger.dashboard.readmodel.Cycle;
import dev.okrledger.dashboard.readmodel.RiskReason;
import dev.okrledger.dashboard.readmodel.Trend;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The leadership board of a cycle as the query service answers it ({@code GET /api/cycles/{id}/dashboard},
 * and the {@code board} of a replayed week): the fields the board page shows. Counts, the at-risk list
 * and roll-ups cover every objective that matches the filters; {@code groups} hold the requested page.
 *
 * @param expectedProgress elapsed fraction of the cycle at the moment the board shows
 */
public record Dashboard(
        Cycle cycle,
        Instant asOf,
        double expectedProgress,
        Page page,
        BandCounts counts,
        List<Group> groups,
        List<AtRisk> atRisk,
        int atRiskTotal) {

    /** What the board is filtered by; null means any. */
    public record Filters(String team, ObjectiveLevel level) {}

    public record Page(int number, int size, long totalObjectives, int totalPages) {}

    public record Group(ObjectiveLevel level, String team, List<Objective> objectives) {}

    /** Key results per confidence band of their latest check-in; {@code noCheckIn} have none yet. */
    public record BandCounts(int green, int amber, int red, int noCheckIn, int behindPace, int stale) {}

    /**
     * @param progress mean of its key results' progress; null without key results
     * @param band     the worst band among its key results
     * @param rollUp   the objectives aligned to it
     */
    public record Objective(
            UUID id,
            String title,
            ObjectiveLevel level,
            String team,
            UUID parentObjectiveId,
            Double progress,
            double expectedProgress,
            PaceVerdict pace,
            ConfidenceBand band,
            Trend trend,
            List<KeyResult> keyResults,
            RollUp rollUp) {}

    public record RollUp(List<Child> aligned) {}

    /** @param subtreeProgress the aligned objective's progress together with its own aligned objectives */
    public record Child(UUID id, String title, String team, Double subtreeProgress) {}

    /** @param value latest value in effective order, checked in or measured; null before the first */
    public record KeyResult(
            UUID id,
            String title,
            String unit,
            String owner,
            BigDecimal baseline,
            BigDecimal target,
            BigDecimal value,
            double progress,
            double expectedProgress,
            PaceVerdict pace,
            Integer confidence,
            ConfidenceBand band,
            Trend trend,
            boolean stale,
            Instant lastCheckInAt) {}

    /** A key result that needs attention, and why. */
    public record AtRisk(
            UUID keyResultId,
            String title,
            String objectiveTitle,
            String team,
            Integer confidence,
            ConfidenceBand band,
            double progress,
            double expectedProgress,
            Instant lastCheckInAt,
            List<RiskReason> reasons) {}
}
