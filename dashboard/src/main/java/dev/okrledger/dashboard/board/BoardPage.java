package dev.okrledger.dashboard.board;

import dev.okrledger.contract.event.ObjectiveLevel;
import dev.okrledger.dashboard.AsOfDay;
import dev.okrledger.dashboard.Display;
import dev.okrledger.dashboard.readmodel.Cycle;
import dev.okrledger.dashboard.readmodel.ReadModels;
import dev.okrledger.support.problem.BadRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriBuilder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The board of a cycle: now (kept current by the page polling {@code /live}), as known at the end of
 * a past day (time travel), or at the end of a finished week (replay). Every figure comes from the
 * query service's dashboard and replay answers.
 */
@Controller
class BoardPage {

    static final int PAGE_SIZE = 50;

    private final ReadModels readModels;
    private final BoardViews views;
    private final Clock clock;

    BoardPage(ReadModels readModels, BoardViews views, Clock clock) {
        this.readModels = readModels;
        this.views = views;
        this.clock = clock;
    }

    @GetMapping("/cycles/{id}")
    String board(
            @PathVariable UUID id,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) ObjectiveLevel level,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String asOf,
            Model model) {
        Cycle cycle = readModels.cycle(id);
        Optional<LocalDate> day = day(asOf);
        Dashboard.Filters filters = filters(team, level);
        common(model, cycle, filters);
        model.addAttribute("asOf", day.map(LocalDate::toString).orElse(""));
        model.addAttribute("page", "board");
        model.addAttribute(
                "links",
                new BoardLinks(
                        id, filters.team(), level, day.map(LocalDate::toString).orElse(null), null));
        model.addAttribute(
                "yesterday",
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                        .minusDays(1)
                        .toString());
        if (day.isEmpty()) {
            model.addAttribute("board", views.of(dashboard(id, filters, page(page), null), clock.instant()));
            model.addAttribute("live", true);
            return "board";
        }
        Instant endOfDay = AsOfDay.endOf(day.get());
        model.addAttribute(
                "past",
                "as it was known at the end of " + Display.INSTANCE.day(day.get())
                        + " (UTC): check-ins recorded later are left out, even when they speak for earlier weeks");
        if (readModels.cycle(id, endOfDay).isEmpty()) {
            model.addAttribute(
                    "notYet",
                    "Nothing was known about this cycle yet on " + Display.INSTANCE.day(day.get())
                            + ". Pick a day on or after " + Display.INSTANCE.day(cycle.plannedAt()) + ".");
            return "board";
        }
        model.addAttribute("board", views.of(dashboard(id, filters, page(page), endOfDay), endOfDay));
        return "board";
    }

    /**
     * The present board's body for an open page's poll: 204 while it would look the same as the version
     * the page shows, so an unchanged board costs a few bytes and nothing moves under the reader.
     */
    @GetMapping("/cycles/{id}/live")
    ModelAndView live(
            @PathVariable UUID id,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) ObjectiveLevel level,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String shown) {
        Dashboard dashboard = dashboard(id, filters(team, level), page(page), null);
        BoardView board = views.of(dashboard, clock.instant());
        if (board.version().equals(shown)) {
            ModelAndView unchanged = new ModelAndView((model, request, response) -> {});
            unchanged.setStatus(HttpStatus.NO_CONTENT);
            return unchanged;
        }
        ModelAndView fragment = new ModelAndView("board :: live");
        fragment.addObject("board", board);
        fragment.addObject("cycle", dashboard.cycle());
        fragment.addObject("filters", filters(team, level));
        fragment.addObject("live", true);
        fragment.addObject("page", "board");
        fragment.addObject("links", new BoardLinks(id, filters(team, level).team(), level, null, null));
        fragment.addObject("updatedAt", Display.INSTANCE.moment(clock.instant()));
        return fragment;
    }

    /** The board at the end of a finished week, by effective time, with everything known today. */
    @GetMapping("/cycles/{id}/replay")
    String replay(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer week,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) ObjectiveLevel level,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Cycle cycle = readModels.cycle(id);
        Dashboard.Filters filters = filters(team, level);
        common(model, cycle, filters);
        model.addAttribute("page", "replay");
        ReplayedWeek replayed = readModels.get(
                ReplayedWeek.class,
                b -> filtered(b, filters, page(page))
                        .path("/api/cycles/{id}/replay/board")
                        .queryParamIfPresent("week", Optional.ofNullable(week))
                        .build(id));
        model.addAttribute(
                "weeks",
                IntStream.rangeClosed(1, replayed.finishedWeeks()).boxed().toList());
        if (replayed.finishedWeeks() == 0) {
            model.addAttribute("links", new BoardLinks(id, filters.team(), level, null, null));
            return "board";
        }
        int shown = replayed.week();
        model.addAttribute("week", shown);
        model.addAttribute("links", new BoardLinks(id, filters.team(), level, null, shown));
        model.addAttribute(
                "past",
                "at the end of week " + shown + " ("
                        + Display.INSTANCE.day(replayed.endsAt().minusSeconds(1))
                        + "), by the week each check-in speaks for, with everything known today");
        model.addAttribute("board", views.of(replayed.board(), replayed.endsAt().minusMillis(1)));
        return "board";
    }

    private Dashboard dashboard(UUID id, Dashboard.Filters filters, int page, Instant asOf) {
        return readModels.get(
                Dashboard.class,
                b -> filtered(b, filters, page)
                        .path("/api/cycles/{id}/dashboard")
                        .queryParamIfPresent("asOf", Optional.ofNullable(asOf))
                        .build(id));
    }

    private static UriBuilder filtered(UriBuilder builder, Dashboard.Filters filters, int page) {
        return builder.queryParamIfPresent("team", Optional.ofNullable(filters.team()))
                .queryParamIfPresent("level", Optional.ofNullable(filters.level()))
                .queryParam("page", page)
                .queryParam("size", PAGE_SIZE);
    }

    private void common(Model model, Cycle cycle, Dashboard.Filters filters) {
        model.addAttribute("cycle", cycle);
        model.addAttribute("filters", filters);
        model.addAttribute("teams", readModels.teams(cycle.id()));
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
