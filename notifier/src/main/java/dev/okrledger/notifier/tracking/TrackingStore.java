package dev.okrledger.notifier.tracking;

import dev.okrledger.contract.event.Cadence;
import dev.okrledger.contract.event.Checkpoint;
import dev.okrledger.contract.event.CheckInRecorded;
import dev.okrledger.contract.event.CyclePlanned;
import dev.okrledger.contract.event.KeyResultDefined;
import dev.okrledger.contract.event.MeasurementRecorded;
import dev.okrledger.contract.event.ObjectiveDefined;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Cycles, objectives, key results and check-ins, as far as the alert rules need them. */
@Component
public class TrackingStore {

    private static final String KEY_RESULT_COLUMNS = """
            k.key_result_id, k.objective_id, k.cycle_id, o.team, k.title, k.owner, k.baseline, k.target,
            k.defined_at, k.last_check_in_id, k.last_effective_at, k.behind_pace,
            not k.dropped and not coalesce(o.retired, false) as pursued,
            (select string_agg(to_char(p.on_date, 'YYYY-MM-DD') || '=' || p.expected_value, ';'
                               order by p.position)
               from key_result_checkpoint p where p.key_result_id = k.key_result_id) as checkpoints""";

    private static final RowMapper<TrackedKeyResult> KEY_RESULT = (rs, n) -> new TrackedKeyResult(
            rs.getObject("key_result_id", UUID.class), rs.getObject("objective_id", UUID.class),
            rs.getObject("cycle_id", UUID.class), rs.getString("team"), rs.getString("title"), rs.getString("owner"),
            rs.getBigDecimal("baseline"), rs.getBigDecimal("target"), rs.getTimestamp("defined_at").toInstant(),
            rs.getObject("last_check_in_id", UUID.class), instant(rs.getTimestamp("last_effective_at")),
            rs.getBoolean("behind_pace"), rs.getBoolean("pursued"), checkpoints(rs.getString("checkpoints")));

    private static final RowMapper<CycleWindow> CYCLE = (rs, n) -> new CycleWindow(
            rs.getObject("cycle_id", UUID.class), rs.getObject("starts_on", java.time.LocalDate.class),
            rs.getObject("ends_on", java.time.LocalDate.class), Cadence.valueOf(rs.getString("cadence")),
            CycleStatus.valueOf(rs.getString("status")));

    private static final RowMapper<TrackedCheckIn> CHECK_IN = (rs, n) -> new TrackedCheckIn(
            rs.getObject("check_in_id", UUID.class), rs.getObject("key_result_id", UUID.class),
            rs.getTimestamp("effective_at").toInstant(), rs.getTimestamp("recorded_at").toInstant(),
            rs.getBigDecimal("value"), rs.getInt("confidence"), rs.getString("decision"));

    private final JdbcClient jdbc;

    TrackingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the cycle is new here (false on a replay). */
    boolean planCycle(CyclePlanned event) {
        return jdbc.sql("""
                        insert into cycle(cycle_id, starts_on, ends_on, cadence, status) values (?, ?, ?, ?, 'PLANNING')
                        on conflict (cycle_id) do nothing""")
                .params(event.cycleId(), event.startsOn(), event.endsOn(), event.cadence().name())
                .update() == 1;
    }

    void setCycleStatus(UUID cycleId, CycleStatus status) {
        jdbc.sql("update cycle set status = ? where cycle_id = ?").params(status.name(), cycleId).update();
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
                .params(event.keyResultId(), event.objectiveId(), event.cycleId(), event.title(), event.owner(),
                        event.baseline(), event.target(), Timestamp.from(definedAt))
                .update() == 1;
        if (fresh) {
            List<Checkpoint> checkpoints = event.checkpoints();
            for (int i = 0; i < checkpoints.size(); i++) {
                jdbc.sql("""
                                insert into key_result_checkpoint(key_result_id, position, on_date, expected_value)
                                values (?, ?, ?, ?)""")
                        .params(event.keyResultId(), i, checkpoints.get(i).date(), checkpoints.get(i).expectedValue())
                        .update();
            }
        }
    }

    /**
     * Keeps the check-in; true when it is now the key result's latest in effective order (a late,
     * backdated check-in is kept but does not change the key result's current state). Locks the key
     * result row, so a concurrent missed-check-in scan sees either before or after.
     */
    boolean recordCheckIn(CheckInRecorded event, Instant recordedAt) {
        LastMoments last = lastMomentsForUpdate(event.keyResultId());
        // of two check-ins at one moment the one recorded later is the latest, as on the command and query sides
        boolean latest = last.checkIn() == null || !event.effectiveAt().isBefore(last.checkIn());
        jdbc.sql("""
                        insert into check_in(check_in_id, key_result_id, effective_at, recorded_at, value, confidence,
                                             decision, became_latest)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (check_in_id) do nothing""")
                .params(event.checkInId(), event.keyResultId(), Timestamp.from(event.effectiveAt()),
                        Timestamp.from(recordedAt), event.value(), event.confidence(), event.decision(), latest)
                .update();
        if (!latest) {
            return false;
        }
        // a check-in newer than every check-in may still be older than a measurement: then its value is not
        // current; at the very moment of the latest measurement the check-in wins (a person's word over a feed)
        boolean holdsValue = last.value() == null || !event.effectiveAt().isBefore(last.value());
        // one update of the key result either way
        if (holdsValue) {
            jdbc.sql("""
                            update key_result set last_check_in_id = ?, last_effective_at = ?, last_value_at = ?,
                                                  last_measurement_id = null, last_measured_value = null,
                                                  last_measurement_source = null
                             where key_result_id = ?""")
                    .params(event.checkInId(), Timestamp.from(event.effectiveAt()), Timestamp.from(event.effectiveAt()),
                            event.keyResultId())
                    .update();
        } else {
            jdbc.sql("update key_result set last_check_in_id = ?, last_effective_at = ? where key_result_id = ?")
                    .params(event.checkInId(), Timestamp.from(event.effectiveAt()), event.keyResultId())
                    .update();
        }
        return holdsValue;
    }

    /**
     * True when the measurement is now the key result's latest value in effective order (by observedAt):
     * later than every value so far; at the moment of the latest check-in that check-in keeps it.
     */
    boolean recordMeasurement(MeasurementRecorded event) {
        LastMoments last = lastMomentsForUpdate(event.keyResultId());
        if (last.value() != null && !event.observedAt().isAfter(last.value())) {
            return false;
        }
        jdbc.sql("""
                        update key_result set last_value_at = ?, last_measurement_id = ?, last_measured_value = ?,
                                              last_measurement_source = ?
                         where key_result_id = ?""")
                .params(Timestamp.from(event.observedAt()), event.measurementId(), event.value(), event.source(),
                        event.keyResultId())
                .update();
        return true;
    }

    /** The measurement holding the key result's latest value, if a measurement holds it (else a check-in does). */
    public Optional<TrackedMeasurement> measurementHoldingTheValue(UUID keyResultId) {
        return jdbc.sql("""
                        select last_measurement_id, key_result_id, last_measured_value, last_value_at,
                               last_measurement_source
                          from key_result where key_result_id = ? and last_measurement_id is not null""")
                .param(keyResultId)
                .query((rs, n) -> new TrackedMeasurement(rs.getObject("last_measurement_id", UUID.class),
                        rs.getObject("key_result_id", UUID.class), rs.getBigDecimal("last_measured_value"),
                        rs.getTimestamp("last_value_at").toInstant(), rs.getString("last_measurement_source")))
                .optional();
    }

    private record LastMoments(Instant checkIn, Instant value) {
    }

    private LastMoments lastMomentsForUpdate(UUID keyResultId) {
        return jdbc.sql("select last_effective_at, last_value_at from key_result where key_result_id = ? for update")
                .param(keyResultId)
                .query((rs, n) -> new LastMoments(instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2))))
                .optional().orElse(new LastMoments(null, null));
    }

    void changeTarget(UUID keyResultId, BigDecimal target) {
        jdbc.sql("update key_result set target = ? where key_result_id = ?").params(target, keyResultId).update();
    }

    void changeOwner(UUID keyResultId, String owner) {
        jdbc.sql("update key_result set owner = ? where key_result_id = ?").params(owner, keyResultId).update();
    }

    void dropKeyResult(UUID keyResultId) {
        jdbc.sql("update key_result set dropped = true where key_result_id = ?").param(keyResultId).update();
    }

    void retireObjective(UUID objectiveId) {
        jdbc.sql("update objective set retired = true where objective_id = ?").param(objectiveId).update();
    }

    public void setBehindPace(UUID keyResultId, boolean behind) {
        jdbc.sql("update key_result set behind_pace = ? where key_result_id = ?").params(behind, keyResultId).update();
    }

    public Optional<CycleWindow> cycle(UUID cycleId) {
        return jdbc.sql("select * from cycle where cycle_id = ?").param(cycleId).query(CYCLE).optional();
    }

    public Optional<TrackedKeyResult> keyResult(UUID keyResultId) {
        return jdbc.sql("select " + KEY_RESULT_COLUMNS
                        + " from key_result k left join objective o on o.objective_id = k.objective_id"
                        + " where k.key_result_id = ?")
                .param(keyResultId).query(KEY_RESULT).optional();
    }

    /** The same, locking the key result row against a concurrent check-in. */
    public Optional<TrackedKeyResult> keyResultForUpdate(UUID keyResultId) {
        return jdbc.sql("select " + KEY_RESULT_COLUMNS
                        + " from key_result k left join objective o on o.objective_id = k.objective_id"
                        + " where k.key_result_id = ? for update of k")
                .param(keyResultId).query(KEY_RESULT).optional();
    }

    public List<UUID> keyResultsOfCycle(UUID cycleId) {
        return jdbc.sql("select key_result_id from key_result where cycle_id = ? order by key_result_id")
                .param(cycleId).query(UUID.class).list();
    }

    public List<UUID> keyResultsOfObjective(UUID objectiveId) {
        return jdbc.sql("select key_result_id from key_result where objective_id = ? order by key_result_id")
                .param(objectiveId).query(UUID.class).list();
    }

    /** Pursued key results of active cycles: the candidates of the missed-check-in scan. */
    public List<UUID> keyResultsOfActiveCycles() {
        return jdbc.sql("""
                        select k.key_result_id from key_result k join cycle c on c.cycle_id = k.cycle_id
                          left join objective o on o.objective_id = k.objective_id
                         where c.status = 'ACTIVE' and not k.dropped and not coalesce(o.retired, false)
                         order by k.key_result_id""")
                .query(UUID.class).list();
    }

    public Optional<TrackedCheckIn> checkIn(UUID checkInId) {
        return jdbc.sql("""
                        select check_in_id, key_result_id, effective_at, recorded_at, value, confidence, decision
                          from check_in where check_in_id = ?""")
                .param(checkInId).query(CHECK_IN).optional();
    }

    /** Check-ins that were the latest when they arrived, in arrival order: the pace rule's input. */
    public List<TrackedCheckIn> latestCheckInsInArrivalOrder(UUID keyResultId) {
        return jdbc.sql("""
                        select check_in_id, key_result_id, effective_at, recorded_at, value, confidence, decision
                          from check_in where key_result_id = ? and became_latest order by arrival""")
                .param(keyResultId).query(CHECK_IN).list();
    }

    /** Reads the {@code date=value;…} list the key result query aggregates. */
    private static List<Checkpoint> checkpoints(String aggregated) {
        if (aggregated == null || aggregated.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(aggregated.split(";")).map(pair -> pair.split("=", 2))
                .map(pair -> new Checkpoint(LocalDate.parse(pair[0]), new BigDecimal(pair[1])))
                .toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
