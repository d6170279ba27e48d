package dev.okrledger.dashboard.board;

import dev.okrledger.contract.policy.PaceVerdict;
import dev.okrledger.dashboard.Display;
import dev.okrledger.dashboard.board.Dashboard.AtRisk;
import dev.okrledger.dashboard.board.Dashboard.KeyResult;
import dev.okrledger.dashboard.board.Dashboard.Objective;
import dev.okrledger.dashboard.readmodel.ReadModels;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** A dashboard answer of the query service, in the words and rounded numbers of the board page. */
@Component
class BoardViews {

    private final ReadModels readModels;

    BoardViews(ReadModels readModels) {
        this.readModels = readModels;
    }

    /** @param at the moment the board stands at (now, the time-travel moment or the end of a replayed week) */
    BoardView of(Dashboard dashboard, Instant at) {
        Map<UUID, String> parents = parentTitles(dashboard);
        return new BoardView(
                dashboard.cycle().id(),
                dashboard.cycle().name(),
                dashboard.cycle().status(),
                Display.position(dashboard.cycle(), at),
                Display.percent(dashboard.expectedProgress()),
                dashboard.counts(),
                dashboard.groups().stream()
                        .map(g -> new BoardView.Group(
                                g.level().name(),
                                g.team(),
                                g.objectives().stream()
                                        .map(o -> objective(o, parents))
                                        .toList()))
                        .toList(),
                dashboard.atRisk().stream().map(BoardViews::risk).toList(),
                dashboard.atRiskTotal(),
                new BoardView.Paging(
                        dashboard.page().number(),
                        dashboard.page().totalPages(),
                        dashboard.page().totalObjectives(),
                        dashboard.page().size()));
    }

    /** Titles of parents on this page come with it; the others (on other pages or filtered out) in one query. */
    private Map<UUID, String> parentTitles(Dashboard dashboard) {
        Map<UUID, String> titles = new HashMap<>();
        dashboard.groups().forEach(g -> g.objectives().forEach(o -> titles.put(o.id(), o.title())));
        List<UUID> missing = dashboard.groups().stream()
                .flatMap(g -> g.objectives().stream())
                .map(Objective::parentObjectiveId)
                .filter(Objects::nonNull)
                .filter(id -> !titles.containsKey(id))
                .distinct()
                .toList();
        readModels.names(missing, Set.of()).objectives().forEach(o -> titles.put(o.id(), o.title()));
        return titles;
    }

    private static BoardView.Objective objective(Objective o, Map<UUID, String> parents) {
        List<BoardView.Aligned> aligned = o.rollUp() == null
                ? List.of()
                : o.rollUp().aligned().stream()
                        .map(c -> new BoardView.Aligned(
                                c.id(), c.title(), c.team(), Display.percent(c.subtreeProgress())))
                        .toList();
        return new BoardView.Objective(
                o.id(),
                o.title(),
                o.level().name(),
                o.team(),
                Display.percent(o.progress()),
                Display.percent(o.expectedProgress()),
                Display.pace(o.pace()),
                Display.band(o.band()),
                Display.trend(o.trend()),
                o.parentObjectiveId(),
                o.parentObjectiveId() == null ? null : parents.get(o.parentObjectiveId()),
                o.keyResults().stream().map(BoardViews::keyResult).toList(),
                aligned);
    }

    private static BoardView.KeyResult keyResult(KeyResult k) {
        return new BoardView.KeyResult(
                k.id(),
                k.title(),
                k.owner(),
                Display.amount(k.value(), k.unit()),
                Display.range(k.baseline(), k.target(), k.unit()),
                Display.percent(k.progress()),
                Display.percent(k.expectedProgress()),
                Display.pace(k.pace()),
                k.pace() == PaceVerdict.BEHIND,
                Display.band(k.band()),
                Display.INSTANCE.confidence(k.confidence()),
                Display.trend(k.trend()),
                k.stale(),
                Display.INSTANCE.day(k.lastCheckInAt()));
    }

    private static BoardView.Risk risk(AtRisk r) {
        return new BoardView.Risk(
                r.keyResultId(),
                r.title(),
                r.objectiveTitle(),
                r.team(),
                Display.band(r.band()),
                Display.INSTANCE.confidence(r.confidence()),
                Display.percent(r.progress()),
                Display.percent(r.expectedProgress()),
                r.reasons().stream().map(Display::reason).toList(),
                Display.INSTANCE.day(r.lastCheckInAt()));
    }
}
