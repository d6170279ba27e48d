package dev.okrledger.notifier.tracking;

import dev.okrledger.contract.event.CheckInRecorded;
import dev.okrledger.contract.event.Checkpoint;
import dev.okrledger.contract.event.CyclePlanned;
import dev.okrledger.contract.event.KeyResultDefined;
import dev.okrledger.contract.event.MeasurementRecorded;
import dev.okrledger.contract.event.ObjectiveDefined;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The tracking step's own access to its tables: it writes cycles, objectives, key results and check-ins,
 * and reads only what it is about to change (the key result row under lock, before the change) or judge.
 * Everyone else reads through {@link TrackingReader}.
 */
@Component
class TrackingWriter {

    private final JdbcClient jdbc;

    TrackingWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the cycle is new here (false on a replay). */
    boolean planCycle(CyclePlanned event) {
        return jdbc.sql("""
                        insert into cycle(cycle_id, starts_on, ends_on, cadence, status) values (?, ?, ?, ?, 'PLANNING')
                        on conflict (cycle_id) do nothing""")
                        .params(
                                event.cycleId(),
                                event.startsOn(),
                                event.endsOn(),
                                event.cadence().name())
                        .update()
                == 1;
    }

    void setCycleStatus(UUID cycleId, CycleStatus status) {
        jdbc.sql("update cycle set status = ? where cycle_id = ?")
                .params(status.name(), cycleId)
                .update();
    }

    void defineObjective(ObjectiveDefined event) {
        jdbc.sql("""
                        insert into objective(objective_id, cycle_id, team, title) values (?, ?, ?, ?)
                        on conflict (objective_id) do nothing""")
                .params(event.objectiveId(), event.cycleId(), event.team(), event.title())
                .update();
    }

    void defineKeyResult(KeyResultDefined event, Instant definedAt) {
        boolean fresh = jdbc.sql("""
                        insert into key_result(key_result_id, objective_id, cycle_id, title, owner, baseline, target,
                                               defined_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (key_result_id) do nothing""")
                        .params(
                                event.keyResultId(),
                                event.objectiveId(),
                                event.cycleId(),
                                event.title(),
                                event.owner(),
                                event.baseline(),
                                event.target(),
                                Timestamp.from(definedAt))
                        .update()
                == 1;
        if (fresh) {
            List<Checkpoint> checkpoints = event.checkpoints();
            for (int i = 0; i < checkpoints.size(); i++) {
                jdbc.sql("""
                                insert into key_result_checkpoint(key_result_id, position, on_date, expected_value)
                                values (?, ?, ?, ?)""")
                        .params(
                                event.keyResultId(),
                                i,
                                checkpoints.get(i).date(),
                                checkpoints.get(i).expectedValue())
                        .update();
            }
        }
    }

    /**
     * The key result before a change, its row locked until the transaction ends: a concurrent
     * missed-check-in scan sees it either before or after the change.
     */
    Optional<KeyResultState> keyResultForUpdate(UUID keyResultId) {
        return jdbc.sql(TrackingRows.KEY_RESULT + " where k.key_result_id = ? for update of k")
                .param(keyResultId)
                .query(TrackingRows.KEY_RESULT_STATE)
                .optional();
    }

    List<KeyResultState> keyResultsOfCycle(UUID cycleId) {
        return jdbc.sql(TrackingRows.KEY_RESULT + " where k.cycle_id = ? order by k.key_result_id")
                .param(cycleId)
                .query(TrackingRows.KEY_RESULT_STATE)
                .list();
    }

    List<KeyResultState> keyResultsOfObjective(UUID objectiveId) {
        return jdbc.sql(TrackingRows.KEY_RESULT + " where k.objective_id = ? order by k.key_result_id")
                .param(objectiveId)
                .query(TrackingRows.KEY_RESULT_STATE)
                .list();
    }

    Optional<CycleWindow> cycle(UUID cycleId) {
        return jdbc.sql("select * from cycle where cycle_id = ?")
                .param(cycleId)
                .query(TrackingRows.CYCLE)
                .optional();
    }

    /**
     * Keeps the check-in, marked whether it was the key result's latest (in effective order) on arrival;
     * false when it was kept already.
     */
    boolean addCheckIn(CheckInRecorded event, Instant recordedAt, boolean latest) {
        return jdbc.sql("""
                        insert into check_in(check_in_id, key_result_id, effective_at, recorded_at, value, confidence,
                                             decision, became_latest)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (check_in_id) do nothing""")
                        .params(
                                event.checkInId(),
                                event.keyResultId(),
                                Timestamp.from(event.effectiveAt()),
                                Timestamp.from(recordedAt),
                                event.value(),
                                event.confidence(),
                                event.decision(),
                                latest)
                        .update()
                == 1;
    }

    /** The check-in is the key result's latest; with {@code holdsValue} its value is the latest too. */
    void checkInBecameLatest(CheckInRecorded event, boolean holdsValue) {
        if (holdsValue) {
            jdbc.sql("""
                            update key_result set last_check_in_id = ?, last_effective_at = ?, last_value_at = ?,
                                                  last_measurement_id = null, last_measured_value = null,
                                                  last_measurement_source = null
                             where key_result_id = ?""")
                    .params(
                            event.checkInId(),
                            Timestamp.from(event.effectiveAt()),
                            Timestamp.from(event.effectiveAt()),
                            event.keyResultId())
                    .update();
        } else {
            jdbc.sql("update key_result set last_check_in_id = ?, last_effective_at = ? where key_result_id = ?")
                    .params(event.checkInId(), Timestamp.from(event.effectiveAt()), event.keyResultId())
                    .update();
        }
    }

    /** The measurement holds the key result's latest value (earlier measurements are not kept). */
    void measurementBecameLatest(MeasurementRecorded event) {
        jdbc.sql("""
                        update key_result set last_value_at = ?, last_measurement_id = ?, last_measured_value = ?,
                                              last_measurement_source = ?
                         where key_result_id = ?""")
                .params(
                        Timestamp.from(event.observedAt()),
                        event.measurementId(),
                        event.value(),
                        event.source(),
                        event.keyResultId())
                .update();
    }

    Optional<TrackedCheckIn> checkIn(UUID checkInId) {
        return jdbc.sql(TrackingRows.CHECK_IN + " where check_in_id = ?")
                .param(checkInId)
                .query(TrackingRows.CHECK_IN_ROW)
                .optional();
    }

    /** Check-ins that were the latest when they arrived, in arrival order: what pace judges when the cycle comes late. */
    List<TrackedCheckIn> latestCheckInsInArrivalOrder(UUID keyResultId) {
        return jdbc.sql(TrackingRows.CHECK_IN + " where key_result_id = ? and became_latest order by arrival")
                .param(keyResultId)
                .query(TrackingRows.CHECK_IN_ROW)
                .list();
    }

    void changeTarget(UUID keyResultId, BigDecimal target) {
        jdbc.sql("update key_result set target = ? where key_result_id = ?")
                .params(target, keyResultId)
                .update();
    }

    void changeOwner(UUID keyResultId, String owner) {
        jdbc.sql("update key_result set owner = ? where key_result_id = ?")
                .params(owner, keyResultId)
                .update();
    }

    void dropKeyResult(UUID keyResultId) {
        jdbc.sql("update key_result set dropped = true where key_result_id = ?")
                .param(keyResultId)
                .update();
    }

    void retireObjective(UUID objectiveId) {
        jdbc.sql("update objective set retired = true where objective_id = ?")
                .param(objectiveId)
                .update();
    }

    void setBehindPace(UUID keyResultId, boolean behind) {
        jdbc.sql("update key_result set behind_pace = ? where key_result_id = ?")
                .params(behind, keyResultId)
                .update();
    }
}
