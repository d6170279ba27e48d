package dev.okrledger.query.page.board;

import dev.okrledger.contract.event.ObjectiveLevel;
import dev.okrledger.query.board.Board;
import dev.okrledger.query.cycle.CycleQueries;
import dev.okrledger.query.cycle.CycleSnapshot;
import dev.okrledger.query.cycle.Moment;
import dev.okrledger.query.dashboard.Dashboard;
import dev.okrledger.query.dashboard.DashboardQueries;
import dev.okrledger.query.page.AsOfDay;
import dev.okrledger.query.page.Display;
import dev.okrledger.query.page.ReadModelNames;
import dev.okrledger.query.replay.CycleReplay;
import dev.okrledger.query.replay.ReplayQueries;
import dev.okrledger.support.problem.BadRequest;
import dev.okrledger.support.problem.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The board of a cycle: now (kept current by the page polling {@code /live}), as known at the end of
 * a past day (time travel), or at the end of a finished week (replay).
 */
@Controller
class BoardPage {

    static final int PAGE_SIZE = 50;

    private final CycleQueries cycles;
    private final DashboardQueries dashboards;
    private final ReplayQueries replays;
    private final BoardViews views;
    private final ReadModelNames names;
    private final Clock clock;

    BoardPage(CycleQueries cycles, DashboardQueries dashboards, ReplayQueries replays, BoardViews views,
              ReadModelNames names, Clock clock) {
        this.cycles = cycles;
        this.dashboards = dashboards;
        this.replays = replays;
        this.views = views;
        this.names = names;
        this.clock = clock;
    }

    @GetMapping("/cycles/{id}")
    String board(@PathVariable UUID id, @RequestParam(required = false) String team,
                 @RequestParam(required = false) ObjectiveLevel level, @RequestParam(defaultValue = "0") int page,
                 @RequestParam(required = false) String asOf, Model model) {
        CycleSnapshot cycle = cycles.find(id, Moment.LATEST).orElseThrow(() -> new NotFound("cycle", id));
        Optional<LocalDate> day = day(asOf);
        Dashboard.Filters filters = filters(team, level);
        common(model, cycle, filters);
        model.addAttribute("asOf", day.map(LocalDate::toString).orElse(""));
        model.addAttribute("page", "board");
        model.addAttribute("links", new BoardLinks(id, filters.team(), level, day.map(LocalDate::toString).orElse(null), null));
        model.addAttribute("yesterday", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1).toString());
        if (day.isEmpty()) {
            model.addAttribute("board", views.of(dashboards.dashboard(id, filters, page(page), PAGE_SIZE,
                    Optional.empty()), clock.instant()));
            model.addAttribute("live", true);
            return "board";
        }
        Instant endOfDay = AsOfDay.endOf(day.get());
        model.addAttribute("past", "as it was known at the end of " + Display.INSTANCE.day(day.get())
                + " (UTC): check-ins recorded later are left out, even when they speak for earlier weeks");
        if (cycles.find(id, endOfDay).isEmpty()) {
            model.addAttribute("notYet", "Nothing was known about this cycle yet on " + Display.INSTANCE.day(day.get())
                    + ". Pick a day on or after " + Display.INSTANCE.day(cycle.plannedAt()) + ".");
            return "board";
        }
        model.addAttribute("board", views.of(dashboards.dashboard(id, filters, page(page), PAGE_SIZE,
                Optional.of(endOfDay)), endOfDay));
        return "board";
    }

    /**
     * The present board's body for an open page's poll: 204 while it would look the same as the version
     * the page shows, so an unchanged board costs a few bytes and nothing moves under the reader.
     */
    @GetMapping("/cycles/{id}/live")
    ModelAndView live(@PathVariable UUID id, @RequestParam(required = false) String team,
                      @RequestParam(required = false) ObjectiveLevel level, @RequestParam(defaultValue = "0") int page,
                      @RequestParam(required = false) String shown) {
        CycleSnapshot cycle = cycles.find(id, Moment.LATEST).orElseThrow(() -> new NotFound("cycle", id));
        BoardView board = views.of(dashboards.dashboard(id, filters(team, level), page(page), PAGE_SIZE,
                Optional.empty()), clock.instant());
        if (board.version().equals(shown)) {
            ModelAndView unchanged = new ModelAndView((model, request, response) -> { });
            unchanged.setStatus(HttpStatus.NO_CONTENT);
            return unchanged;
        }
        ModelAndView fragment = new ModelAndView("board :: live");
        fragment.addObject("board", board);
        fragment.addObject("cycle", cycle);
        fragment.addObject("filters", filters(team, level));
        fragment.addObject("live", true);
        fragment.addObject("page", "board");
        fragment.addObject("links", new BoardLinks(id, filters(team, level).team(), level, null, null));
        fragment.addObject("updatedAt", Display.INSTANCE.moment(clock.instant()));
        return fragment;
    }

    /** The board at the end of a finished week, by effective time, with everything known today. */
    @GetMapping("/cycles/{id}/replay")
    String replay(@PathVariable UUID id, @RequestParam(required = false) Integer week,
                  @RequestParam(required = false) String team, @RequestParam(required = false) ObjectiveLevel level,
                  @RequestParam(defaultValue = "0") int page, Model model) {
        CycleSnapshot cycle = cycles.find(id, Moment.LATEST).orElseThrow(() -> new NotFound("cycle", id));
        Dashboard.Filters filters = filters(team, level);
        common(model, cycle, filters);
        model.addAttribute("page", "replay");
        List<CycleReplay.Week> weeks = replays.replay(cycle).weeks();
        model.addAttribute("weeks", weeks.stream().map(CycleReplay.Week::week).toList());
        if (weeks.isEmpty()) {
            model.addAttribute("links", new BoardLinks(id, filters.team(), level, null, null));
            return "board";
        }
        int shown = week == null ? weeks.size() : week;
        if (shown < 1 || shown > weeks.size()) {
            throw new BadRequest("invalid-parameter", "week",
                    "week must be between 1 and " + weeks.size() + " (the weeks of this cycle that have finished)");
        }
        CycleReplay.Week w = weeks.get(shown - 1);
        Board board = new Board(cycle, Moment.effectiveAt(w.endsAt()), w.expectedProgress(), w.objectives());
        model.addAttribute("week", shown);
        model.addAttribute("links", new BoardLinks(id, filters.team(), level, null, shown));
        model.addAttribute("past", "at the end of week " + shown + " (" + Display.INSTANCE.day(w.endsAt().minusSeconds(1))
                + "), by the week each check-in speaks for, with everything known today");
        model.addAttribute("board", views.of(dashboards.page(board, filters, page(page), PAGE_SIZE, w.endsAt()),
                w.endsAt().minusMillis(1)));
        return "board";
    }

    private void common(Model model, CycleSnapshot cycle, Dashboard.Filters filters) {
        model.addAttribute("cycle", cycle);
        model.addAttribute("filters", filters);
        model.addAttribute("teams", names.teams(cycle.id()));
        model.addAttribute("levels", ObjectiveLevel.values());
        model.addAttribute("display", Display.INSTANCE);
    }

    private static Dashboard.Filters filters(String team, ObjectiveLevel level) {
        return new Dashboard.Filters(team == null || team.isBlank() ? null : team.trim(), level);
    }

    private static int page(int page) {
        if (page < 0) {
            throw new BadRequest("invalid-parameter", "page", "page must be 0 or more");
        }
        return page;
    }

    /** A day to travel to; today or later is the present board. */
    private Optional<LocalDate> day(String asOf) {
        return AsOfDay.parse(asOf).filter(day -> day.isBefore(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
    }
}
