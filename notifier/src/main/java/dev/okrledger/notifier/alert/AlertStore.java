package dev.okrledger.notifier.alert;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

@Component
class AlertStore {

    private final JdbcClient jdbc;

    AlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the alert unless one with the same trigger exists; true when it was new. */
    boolean addIfNew(Alert alert) {
        return jdbc.sql("""
                        insert into alert(alert_id, key_result_id, objective_id, check_in_id, kind, severity,
                                          from_confidence, to_confidence, raised_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (alert_id) do nothing""")
                .params(alert.id(), alert.keyResultId(), alert.objectiveId(), alert.checkInId(), alert.kind().name(),
                        alert.severity().name(), alert.fromConfidence(), alert.toConfidence(),
                        Timestamp.from(alert.raisedAt()))
                .update() == 1;
    }

    List<Alert> find(UUID keyResultId) {
        return jdbc.sql("""
                        select alert_id, key_result_id, objective_id, check_in_id, kind, severity, from_confidence,
                               to_confidence, raised_at
                          from alert
                         where (cast(? as uuid) is null or key_result_id = ?)
                         order by raised_at, alert_id""")
                .params(keyResultId, keyResultId)
                .query((rs, n) -> new Alert(rs.getObject("alert_id", UUID.class),
                        rs.getObject("key_result_id", UUID.class), rs.getObject("objective_id", UUID.class),
                        rs.getObject("check_in_id", UUID.class), AlertKind.valueOf(rs.getString("kind")),
                        Severity.valueOf(rs.getString("severity")), (Integer) rs.getObject("from_confidence"),
                        (Integer) rs.getObject("to_confidence"), rs.getTimestamp("raised_at").toInstant()))
                .list();
    }
}
