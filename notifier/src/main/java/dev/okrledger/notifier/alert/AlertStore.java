package dev.okrledger.notifier.alert;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Component
class AlertStore {

    private static final RowMapper<Alert> ALERT = (rs, n) -> new Alert(
            rs.getObject("alert_id", UUID.class),
            rs.getObject("key_result_id", UUID.class),
            rs.getObject("objective_id", UUID.class),
            rs.getObject("cycle_id", UUID.class),
            rs.getString("team"),
            rs.getObject("check_in_id", UUID.class),
            AlertKind.valueOf(rs.getString("kind")),
            Severity.valueOf(rs.getString("severity")),
            (Integer) rs.getObject("from_confidence"),
            (Integer) rs.getObject("to_confidence"),
            instant(rs.getTimestamp("raised_at")),
            instant(rs.getTimestamp("check_in_effective_at")),
            rs.getString("detail"),
            AlertStatus.valueOf(rs.getString("status")),
            instant(rs.getTimestamp("acknowledged_at")),
            rs.getString("acknowledged_by"),
            instant(rs.getTimestamp("resolved_at")),
            rs.getString("resolved_by"));

    private final JdbcClient jdbc;

    AlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the alert unless one with the same trigger exists; true when it was new. */
    boolean addIfNew(Alert alert) {
        return jdbc.sql("""
                        insert into alert(alert_id, trigger_key, key_result_id, objective_id, cycle_id, team,
                                          check_in_id, check_in_effective_at, kind, severity, from_confidence,
                                          to_confidence, raised_at, detail, status)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')
                        on conflict do nothing""")
                        .params(
                                alert.id(),
                                alert.triggerKey(),
                                alert.keyResultId(),
                                alert.objectiveId(),
                                alert.cycleId(),
                                alert.team(),
                                alert.checkInId(),
                                timestamp(alert.checkInEffectiveAt()),
                                alert.kind().name(),
                                alert.severity().name(),
                                alert.fromConfidence(),
                                alert.toConfidence(),
                                Timestamp.from(alert.raisedAt()),
                                alert.detail())
                        .update()
                == 1;
    }

    Optional<Alert> find(UUID alertId) {
        return jdbc.sql("select * from alert where alert_id = ?")
                .param(alertId)
                .query(ALERT)
                .optional();
    }

    /**
     * Open (or acknowledged) alerts of the given kinds on a key result, in the order of {@code kinds}, then
     * as raised; one query for all kinds. With {@code before}, only those whose trigger is earlier (or that
     * name no check-in): the ones a later check-in may recover from.
     */
    List<Alert> unresolved(UUID keyResultId, List<AlertKind> kinds, Instant before) {
        String[] kindNames = kinds.stream().map(AlertKind::name).toArray(String[]::new);
        List<Alert> found = before == null
                ? jdbc.sql("""
                                select * from alert where key_result_id = ? and kind = any(?) and status <> 'RESOLVED'
                                 order by raised_at, alert_id""").params(keyResultId, kindNames).query(ALERT).list()
                : jdbc.sql("""
                                select * from alert
                                 where key_result_id = ? and kind = any(?) and status <> 'RESOLVED'
                                   and (check_in_effective_at is null or check_in_effective_at < ?)
                                 order by raised_at, alert_id""")
                        .params(keyResultId, kindNames, Timestamp.from(before))
                        .query(ALERT)
                        .list();
        return found.stream()
                .sorted(java.util.Comparator.comparingInt(a -> kinds.indexOf(a.kind())))
                .toList();
    }

    /** Open (or acknowledged) alerts of every kind on a key result. */
    List<Alert> unresolved(UUID keyResultId) {
        return jdbc.sql("""
                        select * from alert where key_result_id = ? and status <> 'RESOLVED'
                         order by raised_at, alert_id""").param(keyResultId).query(ALERT).list();
    }

    /** Resolves the alert unless it already is; the alert after the change (same round trip), or empty. */
    Optional<Alert> resolve(UUID alertId, Instant at, String by) {
        return jdbc.sql("""
                        update alert set status = 'RESOLVED', resolved_at = ?, resolved_by = ?
                         where alert_id = ? and status <> 'RESOLVED' returning *""")
                .params(Timestamp.from(at), by, alertId)
                .query(ALERT)
                .optional();
    }

    /** Acknowledges an OPEN alert; the alert after the change, or empty when it was not OPEN. */
    Optional<Alert> acknowledge(UUID alertId, Instant at, String by) {
        return jdbc.sql("""
                        update alert set status = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ?
                         where alert_id = ? and status = 'OPEN' returning *""")
                .params(Timestamp.from(at), by, alertId)
                .query(ALERT)
                .optional();
    }

    List<Alert> find(AlertFilter filter) {
        return jdbc.sql("""
                        select * from alert
                         where (cast(:cycle as uuid) is null or cycle_id = :cycle)
                           and (cast(:team as varchar) is null or team = :team)
                           and (cast(:kr as uuid) is null or key_result_id = :kr)
                           and (cast(:severity as varchar) is null or severity = :severity)
                           and (cast(:status as varchar) is null
                                or (:status = 'OPEN' and status <> 'RESOLVED') or status = :status)
                         order by raised_at, alert_id""")
                .param("cycle", filter.cycleId())
                .param("team", filter.team())
                .param("kr", filter.keyResultId())
                .param(
                        "severity",
                        filter.severity() == null ? null : filter.severity().name())
                .param(
                        "status",
                        filter.status() == null ? null : filter.status().name())
                .query(ALERT)
                .list();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
