package dev.okrledger.query.keyresult;

import dev.okrledger.contract.event.Checkpoint;
import dev.okrledger.contract.policy.OkrPolicy;
import dev.okrledger.contract.policy.PaceJudgement;
import dev.okrledger.contract.policy.PacePlan;
import dev.okrledger.contract.policy.Progress;
import dev.okrledger.query.board.BoardReader;
import dev.okrledger.query.board.EffectiveOrder;
import dev.okrledger.query.board.PlannedCheckpoints;
import dev.okrledger.query.board.Staleness;
import dev.okrledger.query.board.Trend;
import dev.okrledger.query.cycle.CycleQueries;
import dev.okrledger.query.cycle.CycleSnapshot;
import dev.okrledger.query.cycle.Moment;
import dev.okrledger.query.keyresult.KeyResultDetail.Conversation;
import dev.okrledger.query.keyresult.KeyResultDetail.ExpectedPoint;
import dev.okrledger.query.keyresult.KeyResultDetail.Point;
import dev.okrledger.support.problem.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

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
public class KeyResultDetailQueries {

    private record Definition(
            UUID id,
            UUID objectiveId,
            UUID cycleId,
            String title,
            String unit,
            String indicator,
            String kind,
            String owner,
            BigDecimal baseline,
            BigDecimal target,
            KeyResultDetail.Measurement measurement,
            List<String> milestones,
            KeyResultDetail.Dropped dropped,
            boolean objectiveRetired) {}

    private record Row(
            UUID checkInId,
            Instant effectiveAt,
            Instant recordedAt,
            String actor,
            BigDecimal value,
            int confidence,
            String note,
            String blockers,
            String decision,
            List<String> milestonesDone,
            long sequence)
            implements EffectiveOrder.Value {
        @Override
        public boolean measured() {
            return false;
        }
    }

    private record MeasuredRow(
            UUID measurementId, Instant effectiveAt, Instant recordedAt, BigDecimal value, String source, long sequence)
            implements EffectiveOrder.Value {
        @Override
        public boolean measured() {
            return true;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final CycleQueries cycles;
    private final PlannedCheckpoints checkpoints;
    private final OkrPolicy policy;
    private final Clock clock;

    KeyResultDetailQueries(
            JdbcClient jdbc, CycleQueries cycles, PlannedCheckpoints checkpoints, OkrPolicy policy, Clock clock) {
        this.jdbc = jdbc;
        this.cycles = cycles;
        this.checkpoints = checkpoints;
        this.policy = policy;
        this.clock = clock;
    }

    public KeyResultDetail detail(UUID id, Optional<Instant> asOf) {
        Moment moment = asOf.map(Moment::asOf).orElseGet(() -> Moment.now(clock.instant()));
        OffsetDateTime knownAt = OffsetDateTime.ofInstant(moment.knownAt(), ZoneOffset.UTC);
        Definition k = jdbc.sql("""
                        select k.key_result_id, k.objective_id, k.cycle_id, k.title, k.unit, k.indicator, k.kind,
                               k.owner, k.baseline, """ + BoardReader.TARGET_KNOWN_AT + """
                                as target,
                               k.measurement_counted, k.measurement_excluded, k.measurement_source,
                               k.milestones::text as milestones,
                               case when k.dropped_at <= ? then k.dropped_at end as dropped_at, k.dropped_reason,
                               coalesce(o.retired_at <= ?, false) as objective_retired
                          from key_result_view k left join objective_view o on o.objective_id = k.objective_id
                         where k.key_result_id = ? and (k.defined_at is null or k.defined_at <= ?)""")
                .params(knownAt, knownAt, knownAt, id, knownAt)
                .query((rs, n) -> {
                    OffsetDateTime droppedAt = rs.getObject("dropped_at", OffsetDateTime.class);
                    String counted = rs.getString("measurement_counted");
                    String excluded = rs.getString("measurement_excluded");
                    String source = rs.getString("measurement_source");
                    return new Definition(
                            rs.getObject("key_result_id", UUID.class),
                            rs.getObject("objective_id", UUID.class),
                            rs.getObject("cycle_id", UUID.class),
                            rs.getString("title"),
                            rs.getString("unit"),
                            rs.getString("indicator"),
                            rs.getString("kind"),
                            rs.getString("owner"),
                            rs.getBigDecimal("baseline"),
                            rs.getBigDecimal("target"),
                            counted == null && excluded == null && source == null
                                    ? null
                                    : new KeyResultDetail.Measurement(counted, excluded, source),
                            strings(rs.getString("milestones")),
                            droppedAt == null
                                    ? null
                                    : new KeyResultDetail.Dropped(
                                            droppedAt.toInstant(), rs.getString("dropped_reason")),
                            rs.getBoolean("objective_retired"));
                })
                .optional()
                .orElseThrow(() -> new NotFound("key-result", id));
        List<Row> rows = jdbc.sql("""
                        select check_in_id, effective_at, recorded_at, actor, value, confidence, note, blockers, decision,
                               milestones_done::text as milestones_done, sequence
                          from check_in_history where key_result_id = ? and recorded_at <= ?
                         order by effective_at, sequence""")
                .params(id, knownAt)
                .query((rs, n) -> new Row(
                        rs.getObject("check_in_id", UUID.class),
                        rs.getObject("effective_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"),
                        rs.getBigDecimal("value"),
                        rs.getInt("confidence"),
                        rs.getString("note"),
                        rs.getString("blockers"),
                        rs.getString("decision"),
                        strings(rs.getString("milestones_done")),
                        rs.getLong("sequence")))
                .list();
        List<EffectiveOrder.Value> timeline = new ArrayList<>(rows);
        timeline.addAll(jdbc.sql("""
                        select measurement_id, observed_at, recorded_at, value, source, sequence
                          from measurement_history where key_result_id = ? and recorded_at <= ?""")
                .params(id, knownAt)
                .query((rs, n) -> new MeasuredRow(
                        rs.getObject("measurement_id", UUID.class),
                        rs.getObject("observed_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                        rs.getBigDecimal("value"),
                        rs.getString("source"),
                        rs.getLong("sequence")))
                .list());
        timeline.sort(EffectiveOrder.OLDEST_FIRST);
        CycleSnapshot cycle = cycles.find(k.cycleId(), moment.knownAt()).orElse(null);
        List<Checkpoint> plannedCheckpoints = checkpoints.ofKeyResult(id);
        // the cycle arrives on another partition: until it does, no expectation can be judged
        PacePlan plan = cycle == null ? null : cycle.pacePlan(k.baseline(), k.target(), plannedCheckpoints);

        List<Point> series = new ArrayList<>();
        List<Conversation> conversations = new ArrayList<>();
        for (EffectiveOrder.Value v : timeline) {
            PaceJudgement pace = plan == null ? null : plan.judge(v.value(), v.effectiveAt(), policy);
            double progress = Progress.of(k.baseline(), k.target(), v.value());
            Double expected = pace == null ? null : pace.expectedProgress();
            if (v instanceof MeasuredRow m) {
                series.add(new Point(
                        null,
                        m.effectiveAt(),
                        m.value(),
                        progress,
                        expected,
                        pace == null ? null : pace.verdict(),
                        null,
                        null,
                        m.recordedAt(),
                        true,
                        m.measurementId(),
                        m.source()));
                continue;
            }
            Row r = (Row) v;
            series.add(new Point(
                    r.checkInId(),
                    r.effectiveAt(),
                    r.value(),
                    progress,
                    expected,
                    pace == null ? null : pace.verdict(),
                    r.confidence(),
                    policy.bandOf(r.confidence()),
                    r.recordedAt(),
                    false,
                    null,
                    null));
            if (r.note() != null || r.blockers() != null || r.decision() != null) {
                conversations.add(new Conversation(
                        r.checkInId(),
                        r.effectiveAt(),
                        r.recordedAt(),
                        r.actor(),
                        r.confidence(),
                        r.note(),
                        r.blockers(),
                        r.decision()));
            }
        }
        List<String> done =
                rows.isEmpty() ? List.of() : rows.get(rows.size() - 1).milestonesDone();
        List<KeyResultDetail.Milestone> milestones = k.milestones().stream()
                .map(m -> new KeyResultDetail.Milestone(m, done.contains(m)))
                .toList();
        return new KeyResultDetail(
                k.id(),
                k.objectiveId(),
                k.cycleId(),
                k.title(),
                k.unit(),
                k.indicator(),
                k.kind(),
                k.owner(),
                k.baseline(),
                k.target(),
                asOf.orElse(null),
                k.dropped() == null ? "ACTIVE" : "DROPPED",
                k.dropped(),
                k.objectiveRetired(),
                k.measurement(),
                milestones,
                plannedCheckpoints,
                current(series, cycle, plan, moment),
                series,
                expectedLine(plan, moment.evaluatedAt()),
                conversations,
                initiatives(id, knownAt),
                pivots(id, knownAt),
                targetChanges(id, knownAt));
    }

    private List<KeyResultDetail.Initiative> initiatives(UUID keyResultId, OffsetDateTime knownAt) {
        return jdbc.sql("""
                        select initiative_id, title, approach, status, added_at, changed_at, stopped_reason
                          from initiative_view where key_result_id = ? and added_at <= ?
                         order by added_at, initiative_id""")
                .params(keyResultId, knownAt)
                .query((rs, n) -> new KeyResultDetail.Initiative(
                        rs.getObject("initiative_id", UUID.class),
                        rs.getString("title"),
                        rs.getString("approach"),
                        rs.getString("status"),
                        rs.getObject("added_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
                        rs.getString("stopped_reason")))
                .list();
    }

    private List<KeyResultDetail.Pivot> pivots(UUID keyResultId, OffsetDateTime knownAt) {
        return jdbc.sql("""
                        select p.initiative_id, i.title, p.pivoted_at, p.actor, p.from_approach, p.to_approach, p.reason,
                               p.check_in_id
                          from initiative_pivot p left join initiative_view i on i.initiative_id = p.initiative_id
                         where p.key_result_id = ? and p.pivoted_at <= ?
                         order by p.pivoted_at, p.event_id""")
                .params(keyResultId, knownAt)
                .query((rs, n) -> new KeyResultDetail.Pivot(
                        rs.getObject("initiative_id", UUID.class),
                        rs.getString("title"),
                        rs.getObject("pivoted_at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"),
                        rs.getString("from_approach"),
                        rs.getString("to_approach"),
                        rs.getString("reason"),
                        rs.getObject("check_in_id", UUID.class)))
                .list();
    }

    private List<KeyResultDetail.TargetChange> targetChanges(UUID keyResultId, OffsetDateTime knownAt) {
        return jdbc.sql("""
                        select changed_at, actor, from_target, to_target, reason from key_result_target_change
                         where key_result_id = ? and changed_at <= ? order by changed_at, event_id""")
                .params(keyResultId, knownAt)
                .query((rs, n) -> new KeyResultDetail.TargetChange(
                        rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"),
                        rs.getBigDecimal("from_target"),
                        rs.getBigDecimal("to_target"),
                        rs.getString("reason")))
                .list();
    }

    private static List<String> strings(String json) {
        return json == null ? List.of() : List.of(JSON.readValue(json, String[].class));
    }

    /** Value, progress and pace from the latest point; confidence, trend and staleness from the check-ins. */
    private KeyResultDetail.Current current(List<Point> series, CycleSnapshot cycle, PacePlan plan, Moment moment) {
        Point latest = series.isEmpty() ? null : series.get(series.size() - 1);
        List<Point> checkIns = series.stream().filter(p -> !p.measured()).toList();
        Point lastCheckIn = checkIns.isEmpty() ? null : checkIns.get(checkIns.size() - 1);
        double progress = latest == null ? 0.0 : latest.progress();
        PaceJudgement pace =
                plan == null ? null : plan.judge(latest == null ? null : latest.value(), moment.evaluatedAt(), policy);
        Trend trend = checkIns.size() < 2
                ? Trend.FLAT
                : Trend.of(lastCheckIn.confidence()
                        - checkIns.get(checkIns.size() - 2).confidence());
        Instant lastAt = lastCheckIn == null ? null : lastCheckIn.effectiveAt();
        return new KeyResultDetail.Current(
                latest == null ? null : latest.value(),
                progress,
                pace == null ? null : pace.expectedProgress(),
                pace == null ? null : pace.verdict(),
                lastCheckIn == null ? null : lastCheckIn.confidence(),
                lastCheckIn == null ? null : lastCheckIn.band(),
                trend,
                cycle != null && Staleness.isStale(cycle, lastAt, moment.evaluatedAt(), policy.missedCheckInGrace()),
                lastAt,
                latest != null && latest.measured());
    }

    /** The planned line through its corners (cycle start, checkpoints, cycle end) and the moment shown. */
    private static List<ExpectedPoint> expectedLine(PacePlan plan, Instant at) {
        if (plan == null) {
            return List.of();
        }
        List<Instant> corners = plan.corners();
        List<Instant> moments = new ArrayList<>(corners);
        if (at.isAfter(corners.get(0)) && at.isBefore(corners.get(corners.size() - 1)) && !corners.contains(at)) {
            moments.add(at);
        }
        return moments.stream()
                .sorted()
                .map(m -> new ExpectedPoint(m, plan.expectedProgressAt(m)))
                .toList();
    }
}
