package dev.okrledger.query.replay;

import dev.okrledger.contract.policy.Progress;
import dev.okrledger.query.board.Board;
import dev.okrledger.query.board.BoardReader;
import dev.okrledger.query.board.KeyResultState;
import dev.okrledger.query.board.Moment;
import dev.okrledger.query.board.ObjectiveState;
import dev.okrledger.query.cycle.CycleSnapshot;
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
class RetrospectiveQueries {

    private record CheckIn(UUID keyResultId, Instant effectiveAt, int confidence, BigDecimal value) {
    }

    private final BoardReader boards;
    private final JdbcClient jdbc;

    RetrospectiveQueries(BoardReader boards, JdbcClient jdbc) {
        this.boards = boards;
        this.jdbc = jdbc;
    }

    Retrospective retrospective(CycleSnapshot cycle) {
        Board last = boards.read(cycle, Moment.effectiveAt(cycle.end()));
        Map<UUID, List<CheckIn>> checkIns = jdbc.sql("""
                        select h.key_result_id, h.effective_at, h.confidence, h.value
                          from check_in_history h join key_result_view k on k.key_result_id = h.key_result_id
                         where k.cycle_id = ? order by h.effective_at, h.sequence""")
                .param(cycle.id())
                .query((rs, n) -> new CheckIn(rs.getObject("key_result_id", UUID.class),
                        rs.getObject("effective_at", OffsetDateTime.class).toInstant(), rs.getInt("confidence"),
                        rs.getBigDecimal("value")))
                .list().stream().collect(Collectors.groupingBy(CheckIn::keyResultId));
        int periods = periods(cycle);

        List<ObjectiveScore> objectives = new ArrayList<>();
        Map<String, List<KeyResultScore>> byTeam = new LinkedHashMap<>();
        Map<String, List<List<CheckIn>>> checkInsByTeam = new LinkedHashMap<>();
        for (ObjectiveState o : last.objectives()) {
            List<KeyResultScore> scores = new ArrayList<>();
            for (KeyResultState k : o.keyResults()) {
                List<CheckIn> own = checkIns.getOrDefault(k.id(), List.of());
                scores.add(score(k, own, cycle, periods));
                checkInsByTeam.computeIfAbsent(o.team(), t -> new ArrayList<>()).add(own);
            }
            byTeam.computeIfAbsent(o.team(), t -> new ArrayList<>()).addAll(scores);
            objectives.add(new ObjectiveScore(o.id(), o.title(), o.level(), o.team(),
                    scores.isEmpty() ? null : scores.stream().mapToDouble(KeyResultScore::score).average().orElseThrow(),
                    scores));
        }
        List<Retrospective.Team> teams = byTeam.entrySet().stream()
                .map(t -> team(t.getKey(), t.getValue()))
                .toList();
        return new Retrospective(cycle, objectives, teams,
                total(objectives.stream().flatMap(o -> o.keyResults().stream()).toList()), List.of(), List.of());
    }

    private static KeyResultScore score(KeyResultState k, List<CheckIn> checkIns, CycleSnapshot cycle, int periods) {
        double score = k.value() == null ? 0.0 : Progress.of(k.baseline(), k.target(), k.value());
        boolean hit = score >= 1.0;
        List<ConfidencePoint> trajectory = checkIns.stream()
                .map(c -> new ConfidencePoint(c.effectiveAt(), c.confidence(), Progress.of(k.baseline(), k.target(), c.value())))
                .toList();
        Double brier = checkIns.isEmpty() ? null : checkIns.stream()
                .mapToDouble(c -> Math.pow(c.confidence() / 10.0 - (hit ? 1.0 : 0.0), 2)).average().orElseThrow();
        Set<Long> periodsWithCheckIn = new HashSet<>();
        long periodMillis = periodLength(cycle).toMillis();
        for (CheckIn c : checkIns) {
            long period = Duration.between(cycle.start(), c.effectiveAt()).toMillis() / periodMillis;
            if (period >= 0 && period < periods) {
                periodsWithCheckIn.add(period);
            }
        }
        return new KeyResultScore(k.id(), k.title(), k.owner(), k.value(), score, hit, k.confidence(), brier, trajectory,
                adherence(periods, periodsWithCheckIn.size()));
    }

    private static Retrospective.Team team(String team, List<KeyResultScore> scores) {
        int checkIns = scores.stream().mapToInt(s -> s.trajectory().size()).sum();
        // the Brier score of the team weighs every check-in alike, not every key result
        double squaredErrors = scores.stream().filter(s -> s.brierScore() != null)
                .mapToDouble(s -> s.brierScore() * s.trajectory().size()).sum();
        return new Retrospective.Team(team, scores.size(), (int) scores.stream().filter(KeyResultScore::targetHit).count(),
                checkIns, checkIns == 0 ? null : squaredErrors / checkIns, total(scores));
    }

    private static Adherence total(List<KeyResultScore> scores) {
        int periods = scores.stream().mapToInt(s -> s.adherence().periods()).sum();
        int with = scores.stream().mapToInt(s -> s.adherence().periodsWithCheckIn()).sum();
        return adherence(periods, with);
    }

    private static Adherence adherence(int periods, int with) {
        return new Adherence(periods, with, periods == 0 ? 0.0 : with / (double) periods);
    }

    /** Cadence periods from the start until the end of the cycle, or until its close if that came earlier. */
    private static int periods(CycleSnapshot cycle) {
        Instant until = cycle.closedAt() != null && cycle.closedAt().isBefore(cycle.end()) ? cycle.closedAt() : cycle.end();
        long millis = Duration.between(cycle.start(), until).toMillis();
        long period = periodLength(cycle).toMillis();
        return (int) Math.max(1, (millis + period - 1) / period);
    }

    private static Duration periodLength(CycleSnapshot cycle) {
        OffsetDateTime start = cycle.start().atOffset(ZoneOffset.UTC);
        return Duration.between(start, start.plus(cycle.cadence().period()));
    }
}
