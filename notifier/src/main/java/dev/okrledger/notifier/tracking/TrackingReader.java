package dev.okrledger.notifier.tracking;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Queries of the tracked state for everyone but the tracking step (the missed-check-in scan, the webhooks'
 * permission check and text): they read, only {@link TrackingProjection} writes.
 */
@Component
public class TrackingReader {

    private final JdbcClient jdbc;

    TrackingReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<TrackedKeyResult> keyResult(UUID keyResultId) {
        return jdbc.sql(TrackingRows.KEY_RESULT + " where k.key_result_id = ?")
                .param(keyResultId)
                .query(TrackingRows.KEY_RESULT_ROW)
                .optional();
    }

    /** The same, locking the key result row against a concurrent check-in. */
    public Optional<TrackedKeyResult> keyResultForUpdate(UUID keyResultId) {
        return jdbc.sql(TrackingRows.KEY_RESULT + " where k.key_result_id = ? for update of k")
                .param(keyResultId)
                .query(TrackingRows.KEY_RESULT_ROW)
                .optional();
    }

    public Optional<CycleWindow> cycle(UUID cycleId) {
        return jdbc.sql("select * from cycle where cycle_id = ?")
                .param(cycleId)
                .query(TrackingRows.CYCLE)
                .optional();
    }

    /** Pursued key results of active cycles: the candidates of the missed-check-in scan. */
    public List<UUID> keyResultsOfActiveCycles() {
        return jdbc.sql("""
                        select k.key_result_id from key_result k join cycle c on c.cycle_id = k.cycle_id
                          left join objective o on o.objective_id = k.objective_id
                         where c.status = 'ACTIVE' and not k.dropped and not coalesce(o.retired, false)
                         order by k.key_result_id""").query(UUID.class).list();
    }
}
