package dev.okrledger.query.cycle;

import dev.okrledger.contract.event.Cadence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads cycles, optionally as they were known at a past moment (time travel). */
@Component
public class CycleQueries {

    private final JdbcClient jdbc;

    CycleQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when the cycle is unknown, or was planned after {@code knownAt}. */
    public Optional<CycleSnapshot> find(UUID id, Instant knownAt) {
        return jdbc.sql("select * from cycle_view where cycle_id = ?")
                .param(id)
                .query((rs, n) -> map(rs))
                .optional()
                .filter(c -> c.plannedAt() == null || !c.plannedAt().isAfter(knownAt))
                .map(c -> asKnownAt(c, knownAt));
    }

    public List<CycleSnapshot> all() {
        return jdbc.sql("select * from cycle_view order by starts_on desc, name")
                .query((rs, n) -> map(rs))
                .list();
    }

    /** Status as it was at {@code knownAt}, from the times each status change was recorded. */
    private static CycleSnapshot asKnownAt(CycleSnapshot c, Instant knownAt) {
        Instant closedAt = c.closedAt() != null && !c.closedAt().isAfter(knownAt) ? c.closedAt() : null;
        Instant activatedAt = c.activatedAt() != null && !c.activatedAt().isAfter(knownAt) ? c.activatedAt() : null;
        String status = closedAt != null
                ? "CLOSED"
                : activatedAt != null
                        ? "ACTIVE"
                        : c.activatedAt() == null && c.closedAt() == null ? c.status() : "PLANNING";
        return new CycleSnapshot(
                c.id(), c.name(), c.startsOn(), c.endsOn(), c.cadence(), status, c.plannedAt(), activatedAt, closedAt);
    }

    private static CycleSnapshot map(ResultSet rs) throws SQLException {
        return new CycleSnapshot(
                rs.getObject("cycle_id", UUID.class),
                rs.getString("name"),
                rs.getObject("starts_on", java.time.LocalDate.class),
                rs.getObject("ends_on", java.time.LocalDate.class),
                Cadence.valueOf(rs.getString("cadence")),
                rs.getString("status"),
                instant(rs, "planned_at"),
                instant(rs, "activated_at"),
                instant(rs, "closed_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
