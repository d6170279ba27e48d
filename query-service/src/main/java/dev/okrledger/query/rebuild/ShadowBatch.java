package dev.okrledger.query.rebuild;

import dev.okrledger.query.intake.ReadModelWrites;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements the projections make for a lane's events, sent as JDBC batches of one statement
 * text each instead of one round trip per row (decision 0034).
 *
 * <p>Statements are grouped by text, groups run in the order they were opened, and a group's rows in
 * the order they came. Events of different partition keys touch different rows (decision 0033), so
 * only each key's own order must hold: a statement joins the latest group of its text unless its key
 * has already written to a later group, then it opens a new one. A key's statements therefore never
 * run before ones it made earlier; a key with many events in one batch just gets more, smaller groups.
 */
final class ShadowBatch implements ReadModelWrites {

    private record Group(String sql, List<Object[]> rows) {}

    private final List<Group> groups = new ArrayList<>();
    private final Map<String, Integer> latestGroupOfText = new HashMap<>();
    private final Map<String, Integer> latestGroupOfKey = new HashMap<>();
    private String key;

    /** The following statements belong to an event of this partition key. */
    void eventOf(String partitionKey) {
        key = partitionKey;
    }

    @Override
    public void update(String sql, Object... params) {
        int reached = latestGroupOfKey.getOrDefault(key, 0);
        Integer latest = latestGroupOfText.get(sql);
        int at;
        if (latest != null && latest >= reached) {
            at = latest;
        } else {
            at = groups.size();
            groups.add(new Group(sql, new ArrayList<>()));
            latestGroupOfText.put(sql, at);
        }
        groups.get(at).rows().add(params);
        latestGroupOfKey.put(key, at);
    }

    /** Sends every group, in order, in the caller's transaction. */
    void execute(JdbcTemplate jdbc) {
        for (Group group : groups) {
            jdbc.batchUpdate(group.sql(), group.rows());
        }
    }
}
