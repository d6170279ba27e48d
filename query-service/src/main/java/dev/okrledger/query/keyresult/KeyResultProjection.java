package dev.okrledger.query.keyresult;

import dev.okrledger.contract.event.CheckInRecorded;
import dev.okrledger.contract.event.Checkpoint;
import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.contract.event.InitiativeAdded;
import dev.okrledger.contract.event.InitiativeCompleted;
import dev.okrledger.contract.event.InitiativePivoted;
import dev.okrledger.contract.event.InitiativeStarted;
import dev.okrledger.contract.event.InitiativeStatus;
import dev.okrledger.contract.event.InitiativeStopped;
import dev.okrledger.contract.event.KeyResultDefined;
import dev.okrledger.contract.event.KeyResultDropped;
import dev.okrledger.contract.event.KeyResultGraded;
import dev.okrledger.contract.event.KeyResultOwnerChanged;
import dev.okrledger.contract.event.KeyResultReworded;
import dev.okrledger.contract.event.KeyResultTargetChanged;
import dev.okrledger.contract.event.MeasurementDefinition;
import dev.okrledger.contract.event.MeasurementRecorded;
import dev.okrledger.query.intake.ReadModelProjection;
import dev.okrledger.query.intake.ReadModelWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/**
 * Key results with their latest value and confidence (latest in effective order, so a late
 * backdated check-in does not overwrite a newer one), and every check-in as history. The value
 * follows measurements too ({@link dev.okrledger.query.board.EffectiveOrder}), confidence check-ins
 * only; every measurement is kept as history beside the check-ins. Title, target
 * and owner are the current ones; target changes are kept with when they became known (time
 * travel reads the target of that moment); a dropped key result keeps its row with when and why.
 * Planned checkpoints, for the expected progress ({@code PacePlan}).
 * Initiatives with their current status, and every pivot.
 */
@Component
class KeyResultProjection extends ReadModelProjection {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    KeyResultProjection(JdbcClient jdbc) {
        super(jdbc);
    }

    @Override
    public void project(EventEnvelope envelope, ReadModelWrites writes) {
        Object payload = envelope.payload();
        Timestamp at = Timestamp.from(envelope.occurredAt());
        if (payload instanceof KeyResultDefined e) {
            MeasurementDefinition m = e.measurement();
            writes.update(
                    """
                            insert into key_result_view(key_result_id, objective_id, cycle_id, title, unit, baseline,
                                                        target, initial_target, indicator, owner, defined_at, kind,
                                                        measurement_counted, measurement_excluded, measurement_source,
                                                        milestones)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""",
                    e.keyResultId(),
                    e.objectiveId(),
                    e.cycleId(),
                    e.title(),
                    e.unit(),
                    e.baseline(),
                    e.target(),
                    e.target(),
                    e.indicator().name(),
                    e.owner(),
                    at,
                    e.kind().name(),
                    m == null ? null : m.counted(),
                    m == null ? null : m.excluded(),
                    m == null ? null : m.dataSource(),
                    json(e.milestones()));
            List<Checkpoint> checkpoints = e.checkpoints();
            for (int i = 0; i < checkpoints.size(); i++) {
                writes.update(
                        """
                                insert into key_result_checkpoint(key_result_id, position, on_date, expected_value)
                                values (?, ?, ?, ?)""",
                        e.keyResultId(),
                        i,
                        checkpoints.get(i).date(),
                        checkpoints.get(i).expectedValue());
            }
        } else if (payload instanceof CheckInRecorded e) {
            Timestamp effectiveAt = Timestamp.from(e.effectiveAt());
            writes.update(
                    """
                            insert into check_in_history(key_result_id, check_in_id, sequence, effective_at, recorded_at,
                                                         value, confidence, note, blockers, decision, actor,
                                                         milestones_done)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""",
                    e.keyResultId(),
                    e.checkInId(),
                    envelope.sequence(),
                    effectiveAt,
                    at,
                    e.value(),
                    e.confidence(),
                    e.note(),
                    e.blockers(),
                    e.decision(),
                    envelope.actor(),
                    json(e.milestonesDone()));
            writes.update("""
                            update key_result_view set confidence = ?, last_effective_at = ?
                             where key_result_id = ?
                               and (last_effective_at is null or last_effective_at <= ?)""", e.confidence(), effectiveAt, e.keyResultId(), effectiveAt);
            // at the moment of the current value a check-in wins, be that value measured or checked in
            writes.update("""
                            update key_result_view set current_value = ?, value_effective_at = ?, value_measured = false
                             where key_result_id = ?
                               and (value_effective_at is null or value_effective_at <= ?)""", e.value(), effectiveAt, e.keyResultId(), effectiveAt);
        } else if (payload instanceof MeasurementRecorded e) {
            Timestamp observedAt = Timestamp.from(e.observedAt());
            writes.update(
                    """
                            insert into measurement_history(key_result_id, measurement_id, sequence, observed_at,
                                                            recorded_at, value, source, actor)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""",
                    e.keyResultId(),
                    e.measurementId(),
                    envelope.sequence(),
                    observedAt,
                    at,
                    e.value(),
                    e.source(),
                    envelope.actor());
            // a measurement never changes confidence; at the moment of a checked-in value it loses
            writes.update("""
                            update key_result_view set current_value = ?, value_effective_at = ?, value_measured = true
                             where key_result_id = ?
                               and (value_effective_at is null or value_effective_at < ?
                                    or (value_effective_at = ? and value_measured))""", e.value(), observedAt, e.keyResultId(), observedAt, observedAt);
        } else if (payload instanceof KeyResultReworded e) {
            writes.update("update key_result_view set title = ? where key_result_id = ?", e.toTitle(), e.keyResultId());
        } else if (payload instanceof KeyResultOwnerChanged e) {
            writes.update("update key_result_view set owner = ? where key_result_id = ?", e.toOwner(), e.keyResultId());
        } else if (payload instanceof KeyResultTargetChanged e) {
            writes.update(
                    "update key_result_view set target = ? where key_result_id = ?", e.toTarget(), e.keyResultId());
            writes.update(
                    """
                            insert into key_result_target_change(event_id, key_result_id, changed_at, actor,
                                                                 from_target, to_target, reason)
                            values (?, ?, ?, ?, ?, ?, ?)""",
                    envelope.eventId(),
                    e.keyResultId(),
                    at,
                    envelope.actor(),
                    e.fromTarget(),
                    e.toTarget(),
                    e.reason());
        } else if (payload instanceof KeyResultDropped e) {
            writes.update("""
                            update key_result_view set dropped_at = ?, dropped_reason = ?
                             where key_result_id = ?""", at, e.reason(), e.keyResultId());
        } else if (payload instanceof KeyResultGraded e) {
            writes.update("""
                            update key_result_view set graded_at = ?, graded_final_value = ?, graded_score = ?
                             where key_result_id = ?""", at, e.finalValue(), e.score(), e.keyResultId());
        } else if (payload instanceof InitiativeAdded e) {
            writes.update(
                    """
                            insert into initiative_view(initiative_id, key_result_id, objective_id, title, approach,
                                                        status, added_at, changed_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""",
                    e.initiativeId(),
                    e.keyResultId(),
                    e.objectiveId(),
                    e.title(),
                    e.approach(),
                    (e.status() == null ? InitiativeStatus.ACTIVE : e.status()).name(),
                    at,
                    at);
        } else if (payload instanceof InitiativeStarted e) {
            status(writes, e.initiativeId(), InitiativeStatus.ACTIVE, null, at);
        } else if (payload instanceof InitiativeCompleted e) {
            status(writes, e.initiativeId(), InitiativeStatus.DONE, null, at);
        } else if (payload instanceof InitiativeStopped e) {
            status(writes, e.initiativeId(), InitiativeStatus.STOPPED, e.reason(), at);
        } else if (payload instanceof InitiativePivoted e) {
            writes.update("""
                            update initiative_view set approach = ?, changed_at = ?
                             where initiative_id = ?""", e.toApproach(), at, e.initiativeId());
            writes.update(
                    """
                            insert into initiative_pivot(event_id, initiative_id, key_result_id, pivoted_at, actor,
                                                         from_approach, to_approach, reason, check_in_id)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    envelope.eventId(),
                    e.initiativeId(),
                    e.keyResultId(),
                    at,
                    envelope.actor(),
                    e.fromApproach(),
                    e.toApproach(),
                    e.reason(),
                    e.checkInId());
        }
    }

    private static void status(
            ReadModelWrites writes, UUID initiativeId, InitiativeStatus status, String reason, Timestamp at) {
        writes.update("""
                        update initiative_view set status = ?, stopped_reason = coalesce(?, stopped_reason), changed_at = ?
                         where initiative_id = ?""", status.name(), reason, at, initiativeId);
    }

    private static String json(List<String> values) {
        return JSON.writeValueAsString(values == null ? List.of() : values);
    }
}
