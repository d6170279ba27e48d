package dev.okrledger.query.keyresult;

import dev.okrledger.contract.event.Checkpoint;
import dev.okrledger.contract.policy.OkrPolicy;
import dev.okrledger.contract.policy.PaceJudgement;
import dev.okrledger.contract.policy.PacePlan;
import dev.okrledger.contract.policy.Progress;
import dev.okrledger.query.board.PlannedCheckpoints;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Component
class KeyResultQueries {

    private final JdbcClient jdbc;
    private final PlannedCheckpoints checkpoints;
    private final OkrPolicy policy;
    private final Clock clock;

    KeyResultQueries(JdbcClient jdbc, PlannedCheckpoints checkpoints, OkrPolicy policy, Clock clock) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
        this.policy = policy;
        this.clock = clock;
    }

    Optional<KeyResultView> keyResult(UUID id) {
        Instant now = clock.instant();
        List<Checkpoint> plan = checkpoints.ofKeyResult(id);
        return jdbc.sql("""
                        select k.key_result_id, k.objective_id, k.cycle_id, k.title, k.unit, k.indicator, k.owner,
                               k.baseline, k.target, k.current_value, k.confidence, k.last_effective_at,
                               c.starts_on, c.ends_on
                          from key_result_view k left join cycle_view c on c.cycle_id = k.cycle_id
                         where k.key_result_id = ?""")
                .param(id)
                .query((rs, n) -> {
                    BigDecimal baseline = rs.getBigDecimal("baseline");
                    BigDecimal target = rs.getBigDecimal("target");
                    BigDecimal value = rs.getBigDecimal("current_value");
                    double progress = value == null ? 0.0 : Progress.of(baseline, target, value);
                    LocalDate startsOn = rs.getObject("starts_on", LocalDate.class);
                    // the cycle arrives on another partition: until it does, pace cannot be judged
                    PaceJudgement pace = startsOn == null
                            ? null
                            : new PacePlan(startsOn, rs.getObject("ends_on", LocalDate.class), baseline, target, plan)
                                    .judge(value, now, policy);
                    Integer confidence = (Integer) rs.getObject("confidence");
                    Timestamp last = rs.getTimestamp("last_effective_at");
                    return new KeyResultView(
                            rs.getObject("key_result_id", UUID.class),
                            rs.getObject("objective_id", UUID.class),
                            rs.getObject("cycle_id", UUID.class),
                            rs.getString("title"),
                            rs.getString("unit"),
                            rs.getString("indicator"),
                            rs.getString("owner"),
                            baseline,
                            target,
                            value,
                            progress,
                            pace == null ? null : pace.expectedProgress(),
                            pace == null ? null : pace.behind(),
                            confidence,
                            confidence == null ? null : policy.bandOf(confidence),
                            last == null ? null : last.toInstant());
                })
                .optional();
    }

    List<CheckInPoint> confidenceHistory(UUID keyResultId, BigDecimal baseline, BigDecimal target) {
        return jdbc.sql("""
                        select check_in_id, effective_at, value, confidence, note, blockers, decision, recorded_at, actor
                          from check_in_history where key_result_id = ?
                         order by effective_at, sequence""")
                .param(keyResultId)
                .query((rs, n) -> new CheckInPoint(
                        rs.getObject("check_in_id", UUID.class),
                        rs.getTimestamp("effective_at").toInstant(),
                        rs.getBigDecimal("value"),
                        rs.getInt("confidence"),
                        policy.bandOf(rs.getInt("confidence")),
                        Progress.of(baseline, target, rs.getBigDecimal("value")),
                        rs.getString("note"),
                        rs.getString("blockers"),
                        rs.getString("decision"),
                        rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("actor")))
                .list();
    }
}
