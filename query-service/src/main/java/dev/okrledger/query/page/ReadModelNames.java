package dev.okrledger.query.page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Names the pages show beside ids that other answers carry (alerts, parents of objectives): one query per page. */
@Component
public class ReadModelNames {

    /** A key result's title with its objective's title and team. */
    public record KeyResultName(String title, UUID objectiveId, String objectiveTitle, String team) {
    }

    private final JdbcClient jdbc;

    ReadModelNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<UUID, String> objectiveTitles(Collection<UUID> ids) {
        Map<UUID, String> titles = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select objective_id, title from objective_view where objective_id = any(?)")
                    .param(ids.toArray(UUID[]::new))
                    .query(rs -> {
                        titles.put(rs.getObject("objective_id", UUID.class), rs.getString("title"));
                    });
        }
        return titles;
    }

    public Map<UUID, KeyResultName> keyResults(Collection<UUID> ids) {
        Map<UUID, KeyResultName> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("""
                            select k.key_result_id, k.title, k.objective_id, o.title as objective_title, o.team
                              from key_result_view k left join objective_view o on o.objective_id = k.objective_id
                             where k.key_result_id = any(?)""")
                    .param(ids.toArray(UUID[]::new))
                    .query(rs -> {
                        names.put(rs.getObject("key_result_id", UUID.class), new KeyResultName(rs.getString("title"),
                                rs.getObject("objective_id", UUID.class), rs.getString("objective_title"),
                                rs.getString("team")));
                    });
        }
        return names;
    }

    /** Teams with objectives in the cycle, for the filter's suggestions. */
    public List<String> teams(UUID cycleId) {
        return jdbc.sql("select distinct team from objective_view where cycle_id = ? order by team")
                .param(cycleId).query(String.class).list();
    }

    /** Every team known here, for the alert inbox's suggestions. */
    public List<String> teams() {
        return jdbc.sql("select distinct team from objective_view order by team").query(String.class).list();
    }
}
