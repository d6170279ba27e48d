package dev.okrledger.query.dashboard;

import dev.okrledger.contract.event.ConfidenceBand;
import dev.okrledger.query.board.Board;
import dev.okrledger.query.board.BoardReader;
import dev.okrledger.query.board.KeyResultState;
import dev.okrledger.query.board.Moment;
import dev.okrledger.query.board.ObjectiveState;
import dev.okrledger.query.board.PaceStatus;
import dev.okrledger.query.cycle.CycleQueries;
import dev.okrledger.query.web.NotFound;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Component
class DashboardQueries {

    private final CycleQueries cycles;
    private final BoardReader boards;
    private final Clock clock;

    DashboardQueries(CycleQueries cycles, BoardReader boards, Clock clock) {
        this.cycles = cycles;
        this.boards = boards;
        this.clock = clock;
    }

    Dashboard dashboard(UUID cycleId, Dashboard.Filters filters, int page, int size, Optional<Instant> asOf) {
        Moment moment = asOf.map(Moment::asOf).orElseGet(() -> Moment.now(clock.instant()));
        Board board = boards.read(cycles.find(cycleId, moment.knownAt())
                .orElseThrow(() -> new NotFound("cycle", cycleId)), moment);
        List<ObjectiveState> matching = board.objectives().stream()
                .filter(o -> filters.team() == null || filters.team().equals(o.team()))
                .filter(o -> filters.level() == null || filters.level() == o.level())
                .toList();
        List<ObjectiveState> onPage = matching.stream().skip((long) page * size).limit(size).toList();
        int totalPages = (int) Math.ceil(matching.size() / (double) size);
        return new Dashboard(board.cycle(), asOf.orElse(null), board.expectedProgress(), filters,
                new Dashboard.Page(page, size, matching.size(), totalPages), counts(matching), groups(onPage),
                atRisk(matching));
    }

    private static Dashboard.BandCounts counts(List<ObjectiveState> objectives) {
        int[] bands = new int[ConfidenceBand.values().length];
        int none = 0;
        int behind = 0;
        int stale = 0;
        for (KeyResultState k : keyResults(objectives)) {
            if (k.band() == null) {
                none++;
            } else {
                bands[k.band().ordinal()]++;
            }
            behind += k.pace() == PaceStatus.BEHIND ? 1 : 0;
            stale += k.stale() ? 1 : 0;
        }
        return new Dashboard.BandCounts(bands[ConfidenceBand.GREEN.ordinal()], bands[ConfidenceBand.AMBER.ordinal()],
                bands[ConfidenceBand.RED.ordinal()], none, behind, stale);
    }

    /** Groups in board order (level, then team): objectives of one level and team stay together. */
    private static List<Dashboard.Group> groups(List<ObjectiveState> objectives) {
        Map<String, List<ObjectiveState>> byGroup = new LinkedHashMap<>();
        objectives.forEach(o -> byGroup.computeIfAbsent(o.level() + "/" + o.team(), g -> new ArrayList<>()).add(o));
        return byGroup.values().stream()
                .map(g -> new Dashboard.Group(g.get(0).level(), g.get(0).team(), g))
                .toList();
    }

    /** Red first, then amber, then the rest; within a rank the furthest behind expected first. */
    static List<Dashboard.AtRisk> atRisk(List<ObjectiveState> objectives) {
        List<Dashboard.AtRisk> risks = new ArrayList<>();
        for (ObjectiveState o : objectives) {
            for (KeyResultState k : o.keyResults()) {
                List<RiskReason> reasons = new ArrayList<>();
                if (k.band() == ConfidenceBand.RED) {
                    reasons.add(RiskReason.RED);
                } else if (k.band() == ConfidenceBand.AMBER) {
                    reasons.add(RiskReason.AMBER);
                }
                if (k.pace() == PaceStatus.BEHIND) {
                    reasons.add(RiskReason.BEHIND_PACE);
                }
                if (k.stale()) {
                    reasons.add(RiskReason.STALE);
                }
                if (!reasons.isEmpty()) {
                    risks.add(new Dashboard.AtRisk(k.id(), k.title(), k.owner(), o.id(), o.title(), o.team(),
                            k.confidence(), k.band(), k.progress(), k.expectedProgress(), k.lastCheckInAt(),
                            List.copyOf(reasons)));
                }
            }
        }
        risks.sort(Comparator.comparingInt((Dashboard.AtRisk r) -> r.band() == ConfidenceBand.RED ? 0
                        : r.band() == ConfidenceBand.AMBER ? 1 : 2)
                .thenComparingDouble(r -> r.progress() - r.expectedProgress()));
        return risks;
    }

    private static List<KeyResultState> keyResults(List<ObjectiveState> objectives) {
        return objectives.stream().flatMap(o -> o.keyResults().stream()).toList();
    }
}
