package dev.okrledger.query.keyresult;

import dev.okrledger.contract.policy.OkrPolicy;
import dev.okrledger.contract.policy.Progress;
import dev.okrledger.query.board.Moment;
import dev.okrledger.query.board.PaceStatus;
import dev.okrledger.query.board.Staleness;
import dev.okrledger.query.board.Trend;
import dev.okrledger.query.cycle.CycleQueries;
import dev.okrledger.query.cycle.CycleSnapshot;
import dev.okrledger.query.keyresult.KeyResultDetail.Conversation;
import dev.okrledger.query.keyresult.KeyResultDetail.ExpectedPoint;
import dev.okrledger.query.keyresult.KeyResultDetail.Point;
import dev.okrledger.query.web.NotFound;
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

@Component
class KeyResultDetailQueries {

    private record Definition(UUID id, UUID objectiveId, UUID cycleId, String title, String unit, String indicator,
                              String owner, BigDecimal baseline, BigDecimal target) {
    }

    private record Row(UUID checkInId, Instant effectiveAt, Instant recordedAt, String actor, BigDecimal value,
                       int confidence, String note, String blockers, String decision) {
    }

    private final JdbcClient jdbc;
    private final CycleQueries cycles;
    private final OkrPolicy policy;
    private final Clock clock;

    KeyResultDetailQueries(JdbcClient jdbc, CycleQueries cycles, OkrPolicy policy, Clock clock) {
        this.jdbc = jdbc;
        this.cycles = cycles;
        this.policy = policy;
        this.clock = clock;
    }

    KeyResultDetail detail(UUID id, Optional<Instant> asOf) {
        Moment moment = asOf.map(Moment::asOf).orElseGet(() -> Moment.now(clock.instant()));
        OffsetDateTime knownAt = OffsetDateTime.ofInstant(moment.knownAt(), ZoneOffset.UTC);
        Definition k = jdbc.sql("""
                        select key_result_id, objective_id, cycle_id, title, unit, indicator, owner, baseline, target
                          from key_result_view where key_result_id = ? and (defined_at is null or defined_at <= ?)""")
                .params(id, knownAt)
                .query((rs, n) -> new Definition(rs.getObject("key_result_id", UUID.class),
                        rs.getObject("objective_id", UUID.class), rs.getObject("cycle_id", UUID.class),
                        rs.getString("title"), rs.getString("unit"), rs.getString("indicator"), rs.getString("owner"),
                        rs.getBigDecimal("baseline"), rs.getBigDecimal("target")))
                .optional().orElseThrow(() -> new NotFound("key-result", id));
        List<Row> rows = jdbc.sql("""
                        select check_in_id, effective_at, recorded_at, actor, value, confidence, note, blockers, decision
                          from check_in_history where key_result_id = ? and recorded_at <= ?
                         order by effective_at, sequence""")
                .params(id, knownAt)
                .query((rs, n) -> new Row(rs.getObject("check_in_id", UUID.class),
                        rs.getObject("effective_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                        rs.getBigDecimal("value"), rs.getInt("confidence"), rs.getString("note"),
                        rs.getString("blockers"), rs.getString("decision")))
                .list();
        CycleSnapshot cycle = cycles.find(k.cycleId(), moment.knownAt()).orElse(null);

        List<Point> series = new ArrayList<>();
        List<Conversation> conversations = new ArrayList<>();
        for (Row r : rows) {
            series.add(new Point(r.checkInId(), r.effectiveAt(), r.value(), Progress.of(k.baseline(), k.target(), r.value()),
                    cycle == null ? null : cycle.expectedProgressAt(r.effectiveAt()), r.confidence(),
                    policy.bandOf(r.confidence()), r.recordedAt()));
            if (r.note() != null || r.blockers() != null || r.decision() != null) {
                conversations.add(new Conversation(r.checkInId(), r.effectiveAt(), r.recordedAt(), r.actor(),
                        r.confidence(), r.note(), r.blockers(), r.decision()));
            }
        }
        return new KeyResultDetail(k.id(), k.objectiveId(), k.cycleId(), k.title(), k.unit(), k.indicator(), k.owner(),
                k.baseline(), k.target(), asOf.orElse(null), current(series, cycle, moment), series,
                expectedLine(cycle, moment.evaluatedAt()), conversations, List.of(), List.of(), List.of());
    }

    private KeyResultDetail.Current current(List<Point> series, CycleSnapshot cycle, Moment moment) {
        Point latest = series.isEmpty() ? null : series.get(series.size() - 1);
        double progress = latest == null ? 0.0 : latest.progress();
        Double expected = cycle == null ? null : cycle.expectedProgressAt(moment.evaluatedAt());
        Trend trend = series.size() < 2 ? Trend.FLAT
                : Trend.of(latest.confidence() - series.get(series.size() - 2).confidence());
        Instant lastAt = latest == null ? null : latest.effectiveAt();
        return new KeyResultDetail.Current(latest == null ? null : latest.value(), progress, expected,
                expected == null ? null : policy.isBehindPace(progress, expected) ? PaceStatus.BEHIND : PaceStatus.ON_TRACK,
                latest == null ? null : latest.confidence(), latest == null ? null : latest.band(), trend,
                cycle != null && Staleness.isStale(cycle, lastAt, moment.evaluatedAt(), policy.missedCheckInGrace()),
                lastAt);
    }

    private static List<ExpectedPoint> expectedLine(CycleSnapshot cycle, Instant at) {
        if (cycle == null) {
            return List.of();
        }
        List<ExpectedPoint> line = new ArrayList<>(List.of(new ExpectedPoint(cycle.start(), 0.0)));
        if (at.isAfter(cycle.start()) && at.isBefore(cycle.end())) {
            line.add(new ExpectedPoint(at, cycle.expectedProgressAt(at)));
        }
        line.add(new ExpectedPoint(cycle.end(), 1.0));
        return line;
    }
}
