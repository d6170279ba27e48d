package dev.okrledger.query.names;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Names a client shows beside ids that other answers carry (alerts, parents of objectives): one query per kind. */
@Component
class NameQueries {

    /** An objective's title and team. */
    record ObjectiveName(UUID id, String title, String team) {}

    /** A key result's title with its objective's title and team. */
    record KeyResultName(UUID id, String title, UUID objectiveId, String objectiveTitle, String team) {}

    private final JdbcClient jdbc;

    NameQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ObjectiveName> objectives(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "select objective_id, title, team from objective_view where objective_id = any(?) order by title")
                .param(ids.toArray(UUID[]::new))
                .query((rs, n) -> new ObjectiveName(
                        rs.getObject("objective_id", UUID.class), rs.getString("title"), rs.getString("team")))
                .list();
    }

    List<KeyResultName> keyResults(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select k.key_result_id, k.title, k.objective_id, o.title as objective_title, o.team
                          from key_result_view k left join objective_view o on o.objective_id = k.objective_id
                         where k.key_result_id = any(?) order by k.title""")
                .param(ids.toArray(UUID[]::new))
                .query((rs, n) -> new KeyResultName(
                        rs.getObject("key_result_id", UUID.class),
                        rs.getString("title"),
                        rs.getObject("objective_id", UUID.class),
                        rs.getString("objective_title"),
                        rs.getString("team")))
                .list();
    }

    /** Teams with objectives in the cycle, for the filter's suggestions. */
    List<String> teams(UUID cycleId) {
        return jdbc.sql("select distinct team from objective_view where cycle_id = ? order by team")
                .param(cycleId)
                .query(String.class)
                .list();
    }

    /** Every team known here, for the alert inbox's suggestions. */
    List<String> teams() {
        return jdbc.sql("select distinct team from objective_view order by team")
                .query(String.class)
                .list();
    }
}
