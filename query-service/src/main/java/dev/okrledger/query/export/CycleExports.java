package dev.okrledger.query.export;

import dev.okrledger.contract.policy.OkrPolicy;
import dev.okrledger.contract.policy.Progress;
import dev.okrledger.query.board.Board;
import dev.okrledger.query.board.BoardReader;
import dev.okrledger.query.board.ObjectiveState;
import dev.okrledger.query.cycle.CycleQueries;
import dev.okrledger.query.cycle.CycleSnapshot;
import dev.okrledger.query.cycle.Moment;
import dev.okrledger.query.replay.Retrospective;
import dev.okrledger.query.replay.RetrospectiveQueries;
import dev.okrledger.support.problem.BadRequest;
import dev.okrledger.support.problem.Conflict;
import dev.okrledger.support.problem.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The rows of each export, read from the same read models and query classes as the JSON views:
 * the board from {@link BoardReader} (as the dashboard), check-ins from the confidence history,
 * the retrospective from {@link RetrospectiveQueries}.
 */
@Component
class CycleExports {

    private final CycleQueries cycles;
    private final BoardReader boards;
    private final RetrospectiveQueries retrospectives;
    private final JdbcClient jdbc;
    private final OkrPolicy policy;
    private final Clock clock;

    CycleExports(
            CycleQueries cycles,
            BoardReader boards,
            RetrospectiveQueries retrospectives,
            JdbcClient jdbc,
            OkrPolicy policy,
            Clock clock) {
        this.cycles = cycles;
        this.boards = boards;
        this.retrospectives = retrospectives;
        this.jdbc = jdbc;
        this.policy = policy;
        this.clock = clock;
    }

    /** The dashboard's board flattened: the present one, or as known at {@code asOf}. */
    List<BoardRow> board(UUID cycleId, Optional<Instant> asOf) {
        Moment moment = asOf.map(Moment::asOf).orElseGet(() -> Moment.now(clock.instant()));
        Board board = boards.read(cycle(cycleId, moment.knownAt()), moment);
        List<BoardRow> rows = new ArrayList<>();
        for (ObjectiveState o : board.objectives()) {
            if (o.keyResults().isEmpty()) {
                rows.add(BoardRow.of(o, null));
            }
            o.keyResults().forEach(k -> rows.add(BoardRow.of(o, k)));
        }
        return rows;
    }

    /** Every check-in recorded by {@code asOf} (all without it), dropped key results included. */
    List<CheckInRow> checkIns(UUID cycleId, Optional<Instant> asOf) {
        Instant knownAt = asOf.orElse(Moment.LATEST);
        cycle(cycleId, knownAt);
        OffsetDateTime bound = OffsetDateTime.ofInstant(knownAt, ZoneOffset.UTC);
        return jdbc.sql("""
                        select o.objective_id, o.title as objective_title, o.team, k.key_result_id, k.title, k.unit,
                               k.dropped_at <= ? as dropped, k.baseline,""" + BoardReader.TARGET_KNOWN_AT + """
                                as target,
                               h.check_in_id, h.effective_at, h.recorded_at, h.actor, h.value, h.confidence, h.note,
                               h.blockers, h.decision, array(select jsonb_array_elements_text(h.milestones_done)) as done
                          from check_in_history h join key_result_view k on k.key_result_id = h.key_result_id
                          left join objective_view o on o.objective_id = k.objective_id
                         where k.cycle_id = ? and h.recorded_at <= ?
                         order by o.team, o.title, o.objective_id, k.defined_at, k.title, k.key_result_id,
                                  h.effective_at, h.sequence""")
                .params(bound, bound, cycleId, bound)
                .query((rs, n) -> {
                    BigDecimal value = rs.getBigDecimal("value");
                    int confidence = rs.getInt("confidence");
                    return new CheckInRow(
                            rs.getObject("objective_id", UUID.class),
                            rs.getString("objective_title"),
                            rs.getString("team"),
                            rs.getObject("key_result_id", UUID.class),
                            rs.getString("title"),
                            rs.getBoolean("dropped") ? "DROPPED" : "ACTIVE",
                            rs.getString("unit"),
                            rs.getObject("check_in_id", UUID.class),
                            rs.getObject("effective_at", OffsetDateTime.class).toInstant(),
                            rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                            rs.getString("actor"),
                            value,
                            Progress.of(rs.getBigDecimal("baseline"), rs.getBigDecimal("target"), value),
                            confidence,
                            policy.bandOf(confidence),
                            rs.getString("note"),
                            rs.getString("blockers"),
                            rs.getString("decision"),
                            List.of((String[]) rs.getArray("done").getArray()));
                })
                .list();
    }

    List<RetrospectiveRow> retrospective(UUID cycleId, Optional<Instant> asOf) {
        Retrospective retrospective = closedCycleRetrospective(cycleId, asOf);
        List<RetrospectiveRow> rows = new ArrayList<>();
        for (Retrospective.ObjectiveScore o : retrospective.objectives()) {
            if (o.keyResults().isEmpty()) {
                rows.add(RetrospectiveRow.of(retrospective, o, null));
            }
            o.keyResults().forEach(k -> rows.add(RetrospectiveRow.of(retrospective, o, k)));
        }
        return rows;
    }

    List<TeamRow> retrospectiveTeams(UUID cycleId, Optional<Instant> asOf) {
        return closedCycleRetrospective(cycleId, asOf).teams().stream()
                .map(TeamRow::of)
                .toList();
    }

    /** The retrospective is computed on the cycle as closed; it has no past states to travel to. */
    private Retrospective closedCycleRetrospective(UUID cycleId, Optional<Instant> asOf) {
        if (asOf.isPresent()) {
            throw new BadRequest(
                    "as-of-not-supported",
                    "asOf",
                    "The retrospective is the closed cycle's; asOf applies to the board and the check-ins");
        }
        CycleSnapshot cycle = cycle(cycleId, Moment.LATEST);
        if (!"CLOSED".equals(cycle.status())) {
            throw new Conflict(
                    "retrospective-needs-closed-cycle",
                    "The retrospective is for a closed cycle; this one is " + cycle.status());
        }
        return retrospectives.retrospective(cycle);
    }

    private CycleSnapshot cycle(UUID cycleId, Instant knownAt) {
        return cycles.find(cycleId, knownAt).orElseThrow(() -> new NotFound("cycle", cycleId));
    }
}
