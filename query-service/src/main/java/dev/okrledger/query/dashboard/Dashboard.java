package dev.okrledger.query.dashboard;

import dev.okrledger.contract.event.ObjectiveLevel;
import dev.okrledger.query.board.AtRisk;
import dev.okrledger.query.board.BandCounts;
import dev.okrledger.query.board.ObjectiveState;
import dev.okrledger.query.cycle.CycleSnapshot;

import java.time.Instant;
import java.util.List;

/**
 * The leadership board of a cycle. Counts, the at-risk list and roll-ups cover every objective that
 * matches the filters; {@code groups} hold only the requested page of objectives.
 *
 * @param asOf             the moment the board shows; null for now
 * @param expectedProgress elapsed fraction of the cycle at that moment
 */
public record Dashboard(
        CycleSnapshot cycle,
        Instant asOf,
        double expectedProgress,
        Filters filters,
        Page page,
        BandCounts counts,
        List<Group> groups,
        List<AtRisk> atRisk,
        int atRiskTotal) {

    public record Filters(String team, ObjectiveLevel level) {}

    public record Page(int number, int size, long totalObjectives, int totalPages) {}

    public record Group(ObjectiveLevel level, String team, List<ObjectiveState> objectives) {}
}
