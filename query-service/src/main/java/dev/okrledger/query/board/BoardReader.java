package dev.okrledger.query.board;

import dev.okrledger.contract.event.Checkpoint;
import dev.okrledger.contract.event.ConfidenceBand;
import dev.okrledger.contract.event.ObjectiveLevel;
import dev.okrledger.contract.policy.OkrPolicy;
import dev.okrledger.contract.policy.PaceJudgement;
import dev.okrledger.contract.policy.PaceVerdict;
import dev.okrledger.query.cycle.CycleSnapshot;
import dev.okrledger.query.cycle.Moment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Builds the board of a cycle at a {@link Moment} straight from the read models: every row carries
 * when it became known and every check-in when it was recorded and when it is effective, so the
 * present, a past moment and the end of a past week are all the same query with other bounds.
 * Retired objectives and dropped key results (as known at the moment) are left off the board, so
 * they count in no progress, band, count or at-risk list; the target is the one known at the moment.
 */
@Component
public class BoardReader {

    private record ObjectiveRow(UUID id, String title, ObjectiveLevel level, String team, UUID parentId) {}

    private record KeyResultRow(
            UUID id,
            UUID objectiveId,
            String title,
            String unit,
            String owner,
            BigDecimal baseline,
            BigDecimal target) {}

    private record CheckInRow(
            UUID keyResultId, int rank, BigDecimal value, int confidence, Instant effectiveAt, long sequence)
            implements EffectiveOrder.Value {
        @Override
        public boolean measured() {
            return false;
        }
    }

    private record MeasurementRow(UUID keyResultId, BigDecimal value, Instant effectiveAt, long sequence)
            implements EffectiveOrder.Value {
        @Override
        public boolean measured() {
            return true;
        }
    }

    /**
     * The target of key result {@code k} as known at the moment bound to its one parameter: the last
     * target change recorded by then, else the target it was defined with.
     */
    public static final String TARGET_KNOWN_AT = """
            coalesce((select c.to_target from key_result_target_change c
                       where c.key_result_id = k.key_result_id and c.changed_at <= ?
                       order by c.changed_at desc, c.event_id desc limit 1), k.initial_target, k.target)""";

    private final JdbcClient jdbc;
    private final PlannedCheckpoints checkpoints;
    private final OkrPolicy policy;

    BoardReader(JdbcClient jdbc, PlannedCheckpoints checkpoints, OkrPolicy policy) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
        this.policy = policy;
    }

    public Board read(CycleSnapshot cycle, Moment moment) {
        OffsetDateTime knownAt = utc(moment.knownAt());
        List<ObjectiveRow> objectives = jdbc.sql("""
                        select objective_id, title, level, team, parent_objective_id from objective_view
                         where cycle_id = ? and (defined_at is null or defined_at <= ?)
                           and (retired_at is null or retired_at > ?)""")
                .params(cycle.id(), knownAt, knownAt)
                .query((rs, n) -> new ObjectiveRow(
                        rs.getObject("objective_id", UUID.class),
                        rs.getString("title"),
                        ObjectiveLevel.valueOf(rs.getString("level")),
                        rs.getString("team"),
                        rs.getObject("parent_objective_id", UUID.class)))
                .list();
        Map<UUID, List<KeyResultRow>> keyResults = jdbc
                .sql("""
                        select key_result_id, objective_id, title, unit, owner, baseline,
                               """ + TARGET_KNOWN_AT + """
                                as target
                          from key_result_view k
                         where cycle_id = ? and (defined_at is null or defined_at <= ?)
                           and (dropped_at is null or dropped_at > ?)
                         order by defined_at, title""")
                .params(knownAt, cycle.id(), knownAt, knownAt)
                .query((rs, n) -> new KeyResultRow(
                        rs.getObject("key_result_id", UUID.class),
                        rs.getObject("objective_id", UUID.class),
                        rs.getString("title"),
                        rs.getString("unit"),
                        rs.getString("owner"),
                        rs.getBigDecimal("baseline"),
                        rs.getBigDecimal("target")))
                .list()
                .stream()
                .collect(Collectors.groupingBy(KeyResultRow::objectiveId));
        Map<UUID, List<CheckInRow>> lastTwo = lastTwoCheckIns(cycle.id(), moment);
        Map<UUID, MeasurementRow> measured = latestMeasurements(cycle.id(), moment);
        Map<UUID, List<Checkpoint>> plans = checkpoints.ofCycle(cycle.id());

        double elapsed = cycle.elapsedFractionAt(moment.evaluatedAt());
        Map<UUID, ObjectiveState> withoutRollUp = new HashMap<>();
        for (ObjectiveRow o : objectives) {
            List<KeyResultState> states = keyResults.getOrDefault(o.id(), List.of()).stream()
                    .map(k -> keyResult(
                            k,
                            lastTwo.getOrDefault(k.id(), List.of()),
                            measured.get(k.id()),
                            plans.getOrDefault(k.id(), List.of()),
                            cycle,
                            moment))
                    .toList();
            withoutRollUp.put(o.id(), objective(o, states, elapsed));
        }
        Map<UUID, List<ObjectiveState>> childrenOf = withoutRollUp.values().stream()
                .filter(o -> o.parentObjectiveId() != null)
                .collect(Collectors.groupingBy(ObjectiveState::parentObjectiveId));
        Map<UUID, Double> subtrees = new HashMap<>();
        List<ObjectiveState> board = objectives.stream()
                .map(o -> withRollUp(withoutRollUp.get(o.id()), childrenOf, subtrees))
                .sorted(Comparator.comparing(ObjectiveState::level)
                        .thenComparing(ObjectiveState::team)
                        .thenComparing(ObjectiveState::title))
                .toList();
        return new Board(cycle, moment, elapsed, board);
    }

    private Map<UUID, List<CheckInRow>> lastTwoCheckIns(UUID cycleId, Moment moment) {
        return jdbc
                .sql("""
                        select key_result_id, rank, value, confidence, effective_at, sequence from (
                            select h.key_result_id, h.value, h.confidence, h.effective_at, h.sequence,
                                   row_number() over (partition by h.key_result_id
                                                      order by h.effective_at desc, h.sequence desc) as rank
                              from check_in_history h join key_result_view k on k.key_result_id = h.key_result_id
                             where k.cycle_id = ? and h.recorded_at <= ? and h.effective_at <= ?) latest
                         where rank <= 2""")
                .params(cycleId, utc(moment.knownAt()), utc(moment.effectiveUntil()))
                .query((rs, n) -> new CheckInRow(
                        rs.getObject("key_result_id", UUID.class),
                        rs.getInt("rank"),
                        rs.getBigDecimal("value"),
                        rs.getInt("confidence"),
                        rs.getObject("effective_at", OffsetDateTime.class).toInstant(),
                        rs.getLong("sequence")))
                .list()
                .stream()
                .sorted(Comparator.comparingInt(CheckInRow::rank))
                .collect(Collectors.groupingBy(CheckInRow::keyResultId));
    }

    /** Per key result, its latest measurement in effective order under the same bounds as the check-ins. */
    private Map<UUID, MeasurementRow> latestMeasurements(UUID cycleId, Moment moment) {
        return jdbc
                .sql("""
                        select distinct on (m.key_result_id) m.key_result_id, m.value, m.observed_at, m.sequence
                          from measurement_history m join key_result_view k on k.key_result_id = m.key_result_id
                         where k.cycle_id = ? and m.recorded_at <= ? and m.observed_at <= ?
                         order by m.key_result_id, m.observed_at desc, m.sequence desc""")
                .params(cycleId, utc(moment.knownAt()), utc(moment.effectiveUntil()))
                .query((rs, n) -> new MeasurementRow(
                        rs.getObject("key_result_id", UUID.class),
                        rs.getBigDecimal("value"),
                        rs.getObject("observed_at", OffsetDateTime.class).toInstant(),
                        rs.getLong("sequence")))
                .list()
                .stream()
                .collect(Collectors.toMap(MeasurementRow::keyResultId, m -> m));
    }

    /** Value, progress and pace from the latest value (checked in or measured); confidence, trend and staleness from check-ins. */
    private KeyResultState keyResult(
            KeyResultRow k,
            List<CheckInRow> lastTwo,
            MeasurementRow lastMeasured,
            List<Checkpoint> plan,
            CycleSnapshot cycle,
            Moment moment) {
        CheckInRow latest = lastTwo.isEmpty() ? null : lastTwo.get(0);
        EffectiveOrder.Value current = EffectiveOrder.latest(latest, lastMeasured);
        BigDecimal value = current == null ? null : current.value();
        PaceJudgement pace = cycle.pacePlan(k.baseline(), k.target(), plan).judge(value, moment.evaluatedAt(), policy);
        Trend trend = lastTwo.size() < 2
                ? Trend.FLAT
                : Trend.of(latest.confidence() - lastTwo.get(1).confidence());
        Instant lastAt = latest == null ? null : latest.effectiveAt();
        return new KeyResultState(
                k.id(),
                k.objectiveId(),
                k.title(),
                k.unit(),
                k.owner(),
                k.baseline(),
                k.target(),
                value,
                pace.progress(),
                pace.expectedProgress(),
                pace.verdict(),
                latest == null ? null : latest.confidence(),
                latest == null ? null : policy.bandOf(latest.confidence()),
                trend,
                Staleness.isStale(cycle, lastAt, moment.evaluatedAt(), policy.missedCheckInGrace()),
                lastAt,
                current != null && current.measured());
    }

    /**
     * Progress and expected progress of an objective are the means of its key results' (the elapsed
     * fraction without key results), judged with the same tolerance.
     */
    private ObjectiveState objective(ObjectiveRow o, List<KeyResultState> keyResults, double elapsed) {
        Double progress = keyResults.isEmpty()
                ? null
                : keyResults.stream()
                        .mapToDouble(KeyResultState::progress)
                        .average()
                        .orElseThrow();
        double expected = keyResults.isEmpty()
                ? elapsed
                : keyResults.stream()
                        .mapToDouble(KeyResultState::expectedProgress)
                        .average()
                        .orElseThrow();
        List<Integer> confidences = keyResults.stream()
                .map(KeyResultState::confidence)
                .filter(Objects::nonNull)
                .toList();
        ConfidenceBand worst = keyResults.stream()
                .map(KeyResultState::band)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
        int lastChanges = 0;
        for (KeyResultState k : keyResults) {
            lastChanges += k.trend() == Trend.UP ? 1 : k.trend() == Trend.DOWN ? -1 : 0;
        }
        return new ObjectiveState(
                o.id(),
                o.title(),
                o.level(),
                o.team(),
                o.parentId(),
                progress,
                expected,
                progress == null ? null : PaceVerdict.of(progress, expected, policy),
                worst,
                confidences.isEmpty()
                        ? null
                        : confidences.stream()
                                .mapToInt(Integer::intValue)
                                .average()
                                .orElseThrow(),
                Trend.of(lastChanges),
                keyResults,
                null);
    }

    private static ObjectiveState withRollUp(
            ObjectiveState o, Map<UUID, List<ObjectiveState>> childrenOf, Map<UUID, Double> subtrees) {
        List<ObjectiveState.Child> children = childrenOf.getOrDefault(o.id(), List.of()).stream()
                .map(c -> new ObjectiveState.Child(
                        c.id(), c.title(), c.team(), c.progress(), subtreeProgress(c, childrenOf, subtrees, 0)))
                .sorted(Comparator.comparing(ObjectiveState.Child::team).thenComparing(ObjectiveState.Child::title))
                .toList();
        Double childrenProgress = mean(
                children.stream().map(ObjectiveState.Child::subtreeProgress).toList());
        return new ObjectiveState(
                o.id(),
                o.title(),
                o.level(),
                o.team(),
                o.parentObjectiveId(),
                o.progress(),
                o.expectedProgress(),
                o.pace(),
                o.band(),
                o.meanConfidence(),
                o.trend(),
                o.keyResults(),
                new ObjectiveState.RollUp(children.size(), childrenProgress, children));
    }

    /**
     * Mean of an objective's own progress and its children's subtree progress (depth-guarded);
     * each subtree is computed once per board.
     */
    private static Double subtreeProgress(
            ObjectiveState o, Map<UUID, List<ObjectiveState>> childrenOf, Map<UUID, Double> subtrees, int depth) {
        if (subtrees.containsKey(o.id())) {
            return subtrees.get(o.id());
        }
        List<Double> parts = new ArrayList<>();
        parts.add(o.progress());
        if (depth < 32) {
            childrenOf
                    .getOrDefault(o.id(), List.of())
                    .forEach(c -> parts.add(subtreeProgress(c, childrenOf, subtrees, depth + 1)));
        }
        Double subtree = mean(parts);
        subtrees.put(o.id(), subtree);
        return subtree;
    }

    private static Double mean(List<Double> values) {
        List<Double> known = values.stream().filter(Objects::nonNull).toList();
        return known.isEmpty()
                ? null
                : known.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
