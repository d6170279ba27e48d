package dev.okrledger.query.replay;

import dev.okrledger.contract.event.ObjectiveLevel;
import dev.okrledger.query.cycle.CycleQueries;
import dev.okrledger.query.cycle.CycleSnapshot;
import dev.okrledger.query.cycle.Moment;
import dev.okrledger.query.dashboard.Dashboard;
import dev.okrledger.query.dashboard.DashboardQueries;
import dev.okrledger.support.problem.BadRequest;
import dev.okrledger.support.problem.Conflict;
import dev.okrledger.support.problem.NotFound;
import dev.okrledger.support.problem.ProblemRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.UUID;

@RestController
@Tag(name = "Replay and retrospective")
class ReplayController {

    private final CycleQueries cycles;
    private final ReplayQueries replays;
    private final RetrospectiveQueries retrospectives;
    private final DashboardQueries dashboards;

    ReplayController(
            CycleQueries cycles,
            ReplayQueries replays,
            RetrospectiveQueries retrospectives,
            DashboardQueries dashboards) {
        this.cycles = cycles;
        this.replays = replays;
        this.retrospectives = retrospectives;
        this.dashboards = dashboards;
    }

    @Operation(summary = "The board at the end of each finished week of the cycle, by effective time")
    @GetMapping("/api/cycles/{id}/replay")
    CycleReplay replay(@PathVariable UUID id) {
        return replays.replay(cycle(id));
    }

    @Operation(
            summary = "One finished week as a board page (the last one unless week is given), filtered and paged "
                    + "like the dashboard: the board at the end of that week, by effective time")
    @GetMapping("/api/cycles/{id}/replay/board")
    ReplayBoard board(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer week,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) ObjectiveLevel level,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        DashboardQueries.checkPaging(page, size);
        CycleSnapshot cycle = cycle(id);
        int finished = replays.finishedWeeks(cycle);
        if (finished == 0) {
            return new ReplayBoard(0, null, null, null);
        }
        int shown = week == null ? finished : week;
        if (shown < 1 || shown > finished) {
            throw new BadRequest(
                    ProblemRules.INVALID_FIELD,
                    "week",
                    "week must be between 1 and " + finished + " (the weeks of this cycle that have finished)");
        }
        Instant endsAt = ReplayQueries.endOfWeek(cycle, shown);
        Dashboard.Filters filters = new Dashboard.Filters(team == null || team.isBlank() ? null : team.trim(), level);
        return new ReplayBoard(
                finished, shown, endsAt, dashboards.page(replays.board(cycle, shown), filters, page, size, endsAt));
    }

    @Operation(
            summary = "Final scores per key result and objective, confidence trajectories, calibration "
                    + "(Brier score) and check-in adherence per team; for a closed cycle")
    @GetMapping("/api/cycles/{id}/retrospective")
    Retrospective retrospective(@PathVariable UUID id) {
        CycleSnapshot cycle = cycle(id);
        if (!"CLOSED".equals(cycle.status())) {
            throw new Conflict(
                    "retrospective-needs-closed-cycle",
                    "The retrospective is for a closed cycle; this one is " + cycle.status());
        }
        return retrospectives.retrospective(cycle);
    }

    private CycleSnapshot cycle(UUID id) {
        return cycles.find(id, Moment.LATEST).orElseThrow(() -> new NotFound("cycle", id));
    }
}
