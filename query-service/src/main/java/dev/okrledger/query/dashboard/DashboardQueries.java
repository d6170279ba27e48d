package dev.okrledger.query.dashboard;

import dev.okrledger.query.board.AtRisk;
import dev.okrledger.query.board.BandCounts;
import dev.okrledger.query.board.Board;
import dev.okrledger.query.board.BoardReader;
import dev.okrledger.query.board.ObjectiveState;
import dev.okrledger.query.cycle.CycleQueries;
import dev.okrledger.query.cycle.Moment;
import dev.okrledger.support.problem.BadRequest;
import dev.okrledger.support.problem.NotFound;
import dev.okrledger.support.problem.ProblemRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.zip.CRC32;

@Component
public class DashboardQueries {

    static final int MAX_PAGE_SIZE = 500;

    private final CycleQueries cycles;
    private final BoardReader boards;
    private final CurrentBoards current;
    private final Clock clock;
    private final JsonMapper json;

    private final int atRiskLimit;

    /** @param atRiskLimit how many at-risk key results a dashboard lists (the most urgent; the total is given) */
    DashboardQueries(
            CycleQueries cycles,
            BoardReader boards,
            CurrentBoards current,
            Clock clock,
            JsonMapper json,
            @Value("${okr.dashboard.at-risk-limit:50}") int atRiskLimit) {
        this.cycles = cycles;
        this.boards = boards;
        this.current = current;
        this.clock = clock;
        this.json = json;
        this.atRiskLimit = atRiskLimit;
    }

    /** @throws BadRequest naming {@code page} or {@code size} when a page of a board cannot be asked so */
    public static void checkPaging(int page, int size) {
        if (page < 0) {
            throw new BadRequest(ProblemRules.INVALID_FIELD, "page", "page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRequest(ProblemRules.INVALID_FIELD, "size", "size must be between 1 and " + MAX_PAGE_SIZE);
        }
    }

    /** A dashboard as the API sends it: its JSON and an entity tag derived from that JSON. */
    record Served(byte[] json, String etag) {}

    private record PageKey(Dashboard.Filters filters, int page, int size) {}

    /**
     * The dashboard serialised: a page of the present board is serialised once per board and shared by
     * every reader of that page until the board changes; a board as of a past moment each time.
     */
    Served served(UUID cycleId, Dashboard.Filters filters, int page, int size, Optional<Instant> asOf) {
        if (asOf.isPresent()) {
            return serve(dashboard(cycleId, filters, page, size, asOf));
        }
        return current.derived(
                cycleId,
                present(cycleId, Moment.now(clock.instant())),
                new PageKey(filters, page, size),
                board -> serve(page(board, filters, page, size, null)));
    }

    private Served serve(Dashboard dashboard) {
        byte[] bytes = json.writeValueAsBytes(dashboard);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return new Served(
                bytes, "\"" + Long.toHexString(crc.getValue()) + "-" + Integer.toHexString(bytes.length) + "\"");
    }

    private Supplier<Board> present(UUID cycleId, Moment moment) {
        return () -> boards.read(
                cycles.find(cycleId, moment.knownAt()).orElseThrow(() -> new NotFound("cycle", cycleId)), moment);
    }

    public Dashboard dashboard(UUID cycleId, Dashboard.Filters filters, int page, int size, Optional<Instant> asOf) {
        Moment moment = asOf.map(Moment::asOf).orElseGet(() -> Moment.now(clock.instant()));
        Supplier<Board> read = present(cycleId, moment);
        Board board = asOf.isPresent() ? read.get() : current.get(cycleId, read);
        return page(board, filters, page, size, asOf.orElse(null));
    }

    /**
     * The filtered page of a board already built (the present one, a past moment or a replayed week).
     *
     * @param asOf the moment the board shows, null for now
     */
    public Dashboard page(Board board, Dashboard.Filters filters, int page, int size, Instant asOf) {
        List<ObjectiveState> matching = board.objectives().stream()
                .filter(o -> filters.team() == null || filters.team().equals(o.team()))
                .filter(o -> filters.level() == null || filters.level() == o.level())
                .toList();
        List<ObjectiveState> onPage =
                matching.stream().skip((long) page * size).limit(size).toList();
        int totalPages = (int) Math.ceil(matching.size() / (double) size);
        List<AtRisk> atRisk = AtRisk.of(matching);
        return new Dashboard(
                board.cycle(),
                asOf,
                board.expectedProgress(),
                filters,
                new Dashboard.Page(page, size, matching.size(), totalPages),
                BandCounts.of(matching),
                groups(onPage),
                atRisk.subList(0, Math.min(atRiskLimit, atRisk.size())),
                atRisk.size());
    }

    /** Groups in board order (level, then team): objectives of one level and team stay together. */
    private static List<Dashboard.Group> groups(List<ObjectiveState> objectives) {
        Map<String, List<ObjectiveState>> byGroup = new LinkedHashMap<>();
        objectives.forEach(o -> byGroup.computeIfAbsent(o.level() + "/" + o.team(), g -> new ArrayList<>())
                .add(o));
        return byGroup.values().stream()
                .map(g -> new Dashboard.Group(g.get(0).level(), g.get(0).team(), g))
                .toList();
    }
}
