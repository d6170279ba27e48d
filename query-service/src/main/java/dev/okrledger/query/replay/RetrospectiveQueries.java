package dev.okrledger.query.replay;

import dev.okrledger.contract.policy.Progress;
import dev.okrledger.query.board.Board;
import dev.okrledger.query.board.BoardReader;
import dev.okrledger.query.board.KeyResultState;
import dev.okrledger.query.board.ObjectiveState;
import dev.okrledger.query.cycle.CycleSnapshot;
import dev.okrledger.query.cycle.Moment;
import dev.okrledger.query.replay.Retrospective.Adherence;
import dev.okrledger.query.replay.Retrospective.ConfidencePoint;
import dev.okrledger.query.replay.Retrospective.KeyResultScore;
import dev.okrledger.query.replay.Retrospective.ObjectiveScore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@Component
public class RetrospectiveQueries {

    private record CheckIn(UUID keyResultId, Instant effectiveAt, int confidence, BigDecimal value) {}

    private record Grade(UUID keyResultId, BigDecimal finalValue, double score) {}

    private final BoardReader boards;
    private final JdbcClient jdbc;

    RetrospectiveQueries(BoardReader boards, JdbcClient jdbc) {
        this.boards = boards;
        this.jdbc = jdbc;
    }

    public Retrospective retrospective(CycleSnapshot cycle) {
        Board last = boards.read(cycle, Moment.effectiveAt(cycle.end()));
        Map<UUID, List<CheckIn>> checkIns = jdbc
                .sql("""
                        select h.key_result_id, h.effective_at, h.confidence, h.value
                          from check_in_history h join key_result_view k on k.key_result_id = h.key_result_id
                         where k.cycle_id = ? order by h.effective_at, h.sequence""")
                .param(cycle.id())
                .query((rs, n) -> new CheckIn(
                        rs.getObject("key_result_id", UUID.class),
                        rs.getObject("effective_at", OffsetDateTime.class).toInstant(),
                        rs.getInt("confidence"),
                        rs.getBigDecimal("value")))
                .list()
                .stream()
                .collect(Collectors.groupingBy(CheckIn::keyResultId));
        Map<UUID, Grade> grades = jdbc
                .sql("""
                        select key_result_id, graded_final_value, graded_score from key_result_view
                         where cycle_id = ? and graded_at is not null""")
                .param(cycle.id())
                .query((rs, n) -> new Grade(
                        rs.getObject("key_result_id", UUID.class),
                        rs.getBigDecimal("graded_final_value"),
                        rs.getDouble("graded_score")))
                .list()
                .stream()
                .collect(Collectors.toMap(Grade::keyResultId, g -> g));
        Map<UUID, List<Retrospective.Note>> notes = jdbc
                .sql("""
                        select objective_id, recorded_at, actor, note from objective_retrospective_note
                         where cycle_id = ? order by recorded_at, event_id""")
                .param(cycle.id())
                .query((rs, n) -> Map.entry(
                        rs.getObject("objective_id", UUID.class),
                        new Retrospective.Note(
                                rs.getObject("recorded_at", OffsetDateTime.class)
                                        .toInstant(),
                                rs.getString("actor"),
                                rs.getString("note"))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        int periods = periods(cycle);

        List<ObjectiveScore> objectives = new ArrayList<>();
        Map<String, List<KeyResultScore>> byTeam = new LinkedHashMap<>();
        Map<String, List<List<CheckIn>>> checkInsByTeam = new LinkedHashMap<>();
        for (ObjectiveState o : last.objectives()) {
            List<KeyResultScore> scores = new ArrayList<>();
            for (KeyResultState k : o.keyResults()) {
                List<CheckIn> own = checkIns.getOrDefault(k.id(), List.of());
                scores.add(score(k, grades.get(k.id()), own, cycle, periods));
                checkInsByTeam.computeIfAbsent(o.team(), t -> new ArrayList<>()).add(own);
            }
            byTeam.computeIfAbsent(o.team(), t -> new ArrayList<>()).addAll(scores);
            objectives.add(new ObjectiveScore(
                    o.id(),
                    o.title(),
                    o.level(),
                    o.team(),
                    scores.isEmpty()
                            ? null
                            : scores.stream()
                                    .mapToDouble(KeyResultScore::score)
                                    .average()
                                    .orElseThrow(),
                    scores,
                    notes.getOrDefault(o.id(), List.of())));
        }
        List<Retrospective.Team> teams = byTeam.entrySet().stream()
                .map(t -> team(t.getKey(), t.getValue()))
                .toList();
        return new Retrospective(
                cycle,
                objectives,
                teams,
                total(objectives.stream().flatMap(o -> o.keyResults().stream()).toList()),
                pivots(cycle),
                targetChanges(cycle));
    }

    private List<Retrospective.Pivot> pivots(CycleSnapshot cycle) {
        return jdbc.sql("""
                        select p.key_result_id, k.title as key_result_title, p.initiative_id, i.title as initiative_title,
                               p.pivoted_at, p.actor, p.from_approach, p.to_approach, p.reason, p.check_in_id
                          from initiative_pivot p join key_result_view k on k.key_result_id = p.key_result_id
                          left join initiative_view i on i.initiative_id = p.initiative_id
                         where k.cycle_id = ? order by p.pivoted_at, p.event_id""")
                .param(cycle.id())
                .query((rs, n) -> new Retrospective.Pivot(
                        rs.getObject("key_result_id", UUID.class),
                        rs.getString("key_result_title"),
                        rs.getObject("initiative_id", UUID.class),
                        rs.getString("initiative_title"),
                        rs.getObject("pivoted_at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"),
                        rs.getString("from_approach"),
                        rs.getString("to_approach"),
                        rs.getString("reason"),
                        rs.getObject("check_in_id", UUID.class)))
                .list();
    }

    private List<Retrospective.TargetChange> targetChanges(CycleSnapshot cycle) {
        return jdbc.sql("""
                        select c.key_result_id, k.title, c.changed_at, c.actor, c.from_target, c.to_target, c.reason
                          from key_result_target_change c join key_result_view k on k.key_result_id = c.key_result_id
                         where k.cycle_id = ? order by c.changed_at, c.event_id""")
                .param(cycle.id())
                .query((rs, n) -> new Retrospective.TargetChange(
                        rs.getObject("key_result_id", UUID.class),
                        rs.getString("title"),
                        rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"),
                        rs.getBigDecimal("from_target"),
                        rs.getBigDecimal("to_target"),
                        rs.getString("reason")))
                .list();
    }

    private static KeyResultScore score(
            KeyResultState k, Grade grade, List<CheckIn> checkIns, CycleSnapshot cycle, int periods) {
        double score = grade != null
                ? grade.score()
                : k.value() == null ? 0.0 : Progress.of(k.baseline(), k.target(), k.value());
        BigDecimal finalValue = grade != null && grade.finalValue() != null ? grade.finalValue() : k.value();
        boolean hit = score >= 1.0;
        List<ConfidencePoint> trajectory = checkIns.stream()
                .map(c -> new ConfidencePoint(
                        c.effectiveAt(), c.confidence(), Progress.of(k.baseline(), k.target(), c.value())))
                .toList();
        Double brier = checkIns.isEmpty()
                ? null
                : checkIns.stream()
                        .mapToDouble(c -> Math.pow(c.confidence() / 10.0 - (hit ? 1.0 : 0.0), 2))
                        .average()
                        .orElseThrow();
        Set<Long> periodsWithCheckIn = new HashSet<>();
        long periodMillis = periodLength(cycle).toMillis();
        for (CheckIn c : checkIns) {
            long period = Duration.between(cycle.start(), c.effectiveAt()).toMillis() / periodMillis;
            if (period >= 0 && period < periods) {
                periodsWithCheckIn.add(period);
            }
        }
        return new KeyResultScore(
                k.id(),
                k.title(),
                k.owner(),
                finalValue,
                score,
                grade != null,
                hit,
                k.confidence(),
                brier,
                trajectory,
                adherence(periods, periodsWithCheckIn.size()));
    }

    private static Retrospective.Team team(String team, List<KeyResultScore> scores) {
        int checkIns = scores.stream().mapToInt(s -> s.trajectory().size()).sum();
        // the Brier score of the team weighs every check-in alike, not every key result
        double squaredErrors = scores.stream()
                .filter(s -> s.brierScore() != null)
                .mapToDouble(s -> s.brierScore() * s.trajectory().size())
                .sum();
        return new Retrospective.Team(
                team,
                scores.size(),
                (int) scores.stream().filter(KeyResultScore::targetHit).count(),
                checkIns,
                checkIns == 0 ? null : squaredErrors / checkIns,
                total(scores));
    }

    private static Adherence total(List<KeyResultScore> scores) {
        int periods = scores.stream().mapToInt(s -> s.adherence().periods()).sum();
        int with = scores.stream()
                .mapToInt(s -> s.adherence().periodsWithCheckIn())
                .sum();
        return adherence(periods, with);
    }

    private static Adherence adherence(int periods, int with) {
        return new Adherence(periods, with, periods == 0 ? 0.0 : with / (double) periods);
    }

    /** Cadence periods from the start until the end of the cycle, or until its close if that came earlier. */
    private static int periods(CycleSnapshot cycle) {
        Instant until =
                cycle.closedAt() != null && cycle.closedAt().isBefore(cycle.end()) ? cycle.closedAt() : cycle.end();
        long millis = Duration.between(cycle.start(), until).toMillis();
        long period = periodLength(cycle).toMillis();
        return (int) Math.max(1, (millis + period - 1) / period);
    }

    private static Duration periodLength(CycleSnapshot cycle) {
        OffsetDateTime start = cycle.start().atOffset(ZoneOffset.UTC);
        return Duration.between(start, start.plus(cycle.cadence().period()));
    }
}
