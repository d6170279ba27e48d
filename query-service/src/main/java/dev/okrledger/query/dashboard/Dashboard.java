package dev.okrledger.query.dashboard;

import dev.okrledger.contract.event.ConfidenceBand;
import dev.okrledger.contract.event.ObjectiveLevel;
import dev.okrledger.query.board.ObjectiveState;
import dev.okrledger.query.cycle.CycleSnapshot;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The leadership board of a cycle. Counts, the at-risk list and roll-ups cover every objective that
 * matches the filters; {@code groups} hold only the requested page of objectives.
 *
 * @param asOf             the moment the board shows; null for now
 * @param expectedProgress elapsed fraction of the cycle at that moment
 */
public record Dashboard(CycleSnapshot cycle, Instant asOf, double expectedProgress, Filters filters, Page page,
                        BandCounts counts, List<Group> groups, List<AtRisk> atRisk) {

    public record Filters(String team, ObjectiveLevel level) {
    }

    public record Page(int number, int size, long totalObjectives, int totalPages) {
    }

    /** Key results per confidence band of their latest check-in; {@code noCheckIn} has none yet. */
    public record BandCounts(int green, int amber, int red, int noCheckIn, int behindPace, int stale) {
    }

    public record Group(ObjectiveLevel level, String team, List<ObjectiveState> objectives) {
    }

    public record AtRisk(UUID keyResultId, String title, String owner, UUID objectiveId, String objectiveTitle,
                         String team, Integer confidence, ConfidenceBand band, double progress,
                         double expectedProgress, Instant lastCheckInAt, List<RiskReason> reasons) {
    }
}
