package dev.okrledger.notifier.tracking;

import dev.okrledger.contract.event.Cadence;
import dev.okrledger.contract.event.Checkpoint;
import org.springframework.jdbc.core.RowMapper;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** How the tracking tables read as records; shared by the reader and the writer, so both read alike. */
final class TrackingRows {

    /** A key result with its team and checkpoints; append a {@code where} on {@code k}. */
    static final String KEY_RESULT = """
            select k.key_result_id, k.objective_id, k.cycle_id, o.team, k.title, k.owner, k.baseline, k.target,
                   k.defined_at, k.last_check_in_id, k.last_effective_at, k.behind_pace,
                   not k.dropped and not coalesce(o.retired, false) as pursued,
                   (select string_agg(to_char(p.on_date, 'YYYY-MM-DD') || '=' || p.expected_value, ';'
                                      order by p.position)
                      from key_result_checkpoint p where p.key_result_id = k.key_result_id) as checkpoints,
                   k.last_value_at, k.last_measurement_id, k.last_measured_value, k.last_measurement_source
              from key_result k left join objective o on o.objective_id = k.objective_id
            """;

    static final String CHECK_IN = """
            select check_in_id, key_result_id, effective_at, recorded_at, value, confidence, decision from check_in
            """;

    static final RowMapper<TrackedKeyResult> KEY_RESULT_ROW = (rs, n) -> keyResult(rs);

    static final RowMapper<KeyResultState> KEY_RESULT_STATE = (rs, n) -> new KeyResultState(
            keyResult(rs),
            instant(rs.getTimestamp("last_value_at")),
            rs.getObject("last_measurement_id") == null
                    ? null
                    : new TrackedMeasurement(
                            rs.getObject("last_measurement_id", UUID.class),
                            rs.getObject("key_result_id", UUID.class),
                            rs.getBigDecimal("last_measured_value"),
                            rs.getTimestamp("last_value_at").toInstant(),
                            rs.getString("last_measurement_source")));

    static final RowMapper<CycleWindow> CYCLE = (rs, n) -> new CycleWindow(
            rs.getObject("cycle_id", UUID.class),
            rs.getObject("starts_on", LocalDate.class),
            rs.getObject("ends_on", LocalDate.class),
            Cadence.valueOf(rs.getString("cadence")),
            CycleStatus.valueOf(rs.getString("status")));

    static final RowMapper<TrackedCheckIn> CHECK_IN_ROW = (rs, n) -> new TrackedCheckIn(
            rs.getObject("check_in_id", UUID.class),
            rs.getObject("key_result_id", UUID.class),
            rs.getTimestamp("effective_at").toInstant(),
            rs.getTimestamp("recorded_at").toInstant(),
            rs.getBigDecimal("value"),
            rs.getInt("confidence"),
            rs.getString("decision"));

    private TrackingRows() {}

    private static TrackedKeyResult keyResult(ResultSet rs) throws SQLException {
        return new TrackedKeyResult(
                rs.getObject("key_result_id", UUID.class),
                rs.getObject("objective_id", UUID.class),
                rs.getObject("cycle_id", UUID.class),
                rs.getString("team"),
                rs.getString("title"),
                rs.getString("owner"),
                rs.getBigDecimal("baseline"),
                rs.getBigDecimal("target"),
                rs.getTimestamp("defined_at").toInstant(),
                rs.getObject("last_check_in_id", UUID.class),
                instant(rs.getTimestamp("last_effective_at")),
                rs.getBoolean("behind_pace"),
                rs.getBoolean("pursued"),
                checkpoints(rs.getString("checkpoints")));
    }

    /** Reads the {@code date=value;…} list the key result query aggregates. */
    private static List<Checkpoint> checkpoints(String aggregated) {
        if (aggregated == null || aggregated.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(aggregated.split(";"))
                .map(pair -> pair.split("=", 2))
                .map(pair -> new Checkpoint(LocalDate.parse(pair[0]), new BigDecimal(pair[1])))
                .toList();
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
