package dev.okrledger.query.keyresult;

import dev.okrledger.contract.event.CheckInRecorded;
import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.contract.event.KeyResultDefined;
import dev.okrledger.query.intake.ReadModelProjection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * Key results with their latest value and confidence (latest in effective order, so a late
 * backdated check-in does not overwrite a newer one), and every check-in as history.
 */
@Component
class KeyResultProjection implements ReadModelProjection {

    private final JdbcClient jdbc;

    KeyResultProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void project(EventEnvelope envelope) {
        if (envelope.payload() instanceof KeyResultDefined e) {
            jdbc.sql("""
                            insert into key_result_view(key_result_id, objective_id, cycle_id, title, unit, baseline,
                                                        target, indicator, owner, defined_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(e.keyResultId(), e.objectiveId(), e.cycleId(), e.title(), e.unit(), e.baseline(),
                            e.target(), e.indicator().name(), e.owner(), Timestamp.from(envelope.occurredAt()))
                    .update();
        } else if (envelope.payload() instanceof CheckInRecorded e) {
            Timestamp effectiveAt = Timestamp.from(e.effectiveAt());
            jdbc.sql("""
                            insert into check_in_history(key_result_id, check_in_id, sequence, effective_at, recorded_at,
                                                         value, confidence, note, blockers, decision, actor)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(e.keyResultId(), e.checkInId(), envelope.sequence(), effectiveAt,
                            Timestamp.from(envelope.occurredAt()), e.value(), e.confidence(), e.note(), e.blockers(),
                            e.decision(), envelope.actor())
                    .update();
            jdbc.sql("""
                            update key_result_view
                               set current_value = ?, confidence = ?, last_effective_at = ?
                             where key_result_id = ?
                               and (last_effective_at is null or last_effective_at <= ?)""")
                    .params(e.value(), e.confidence(), effectiveAt, e.keyResultId(), effectiveAt)
                    .update();
        }
    }
}
