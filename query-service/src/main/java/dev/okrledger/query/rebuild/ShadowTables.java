package dev.okrledger.query.rebuild;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The read-model tables and their shadow copies in schema {@value #SHADOW}. Every table of the
 * service's schema is a read model except the event log, the intake positions and Flyway's history,
 * so a table added by a later migration is rebuilt without code here.
 */
@Component
class ShadowTables {

    static final String SHADOW = "okr_rebuild";
    private static final String RETIRED = "okr_retired";
    private static final Set<String> NOT_READ_MODELS = Set.of("event_log", "applied_position", "flyway_schema_history");

    private final JdbcClient jdbc;

    ShadowTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String liveSchema() {
        return jdbc.sql("select current_schema()").query(String.class).single();
    }

    List<String> readModels(String schema) {
        return jdbc
                .sql("select tablename from pg_tables where schemaname = ? order by tablename")
                .param(schema)
                .query(String.class)
                .list()
                .stream()
                .filter(t -> !NOT_READ_MODELS.contains(t))
                .toList();
    }

    /**
     * Empty copies of the live tables (columns, defaults, constraints, indexes), unlogged while they
     * are filled: no write-ahead log per row, and a crash of the server empties them (decision 0034).
     */
    void create(String live) {
        jdbc.sql("drop schema if exists " + SHADOW + " cascade").update();
        jdbc.sql("create schema " + SHADOW).update();
        for (String table : readModels(live)) {
            jdbc.sql("create unlogged table " + SHADOW + "." + table + " (like " + live + "." + table
                            + " including all)")
                    .update();
        }
    }

    /** Makes the filled shadow tables crash-safe like the live ones (each rewritten, logged once); before the swap. */
    void makeDurable() {
        for (String table : readModels(SHADOW)) {
            jdbc.sql("alter table " + SHADOW + "." + table + " set logged").update();
        }
    }

    /** Changes when the server restarts, which empties unlogged tables. */
    String serverStartedAt() {
        return jdbc.sql("select pg_postmaster_start_time()::text")
                .query(String.class)
                .single();
    }

    /** Makes the shadow tables live; call inside the transaction that also applied the last events. */
    void swap(String live) {
        List<String> tables = readModels(live);
        jdbc.sql("lock table "
                        + String.join(
                                ", ", tables.stream().map(t -> live + "." + t).toList()) + " in access exclusive mode")
                .update();
        jdbc.sql("drop schema if exists " + RETIRED + " cascade").update();
        jdbc.sql("create schema " + RETIRED).update();
        for (String table : tables) {
            Map<String, String> liveIndexes = indexes(live, table);
            Map<String, String> shadowIndexes = indexes(SHADOW, table);
            jdbc.sql("alter table " + live + "." + table + " set schema " + RETIRED)
                    .update();
            jdbc.sql("alter table " + SHADOW + "." + table + " set schema " + live)
                    .update();
            // LIKE names indexes its own way: give them the names the migrations chose
            shadowIndexes.forEach((definition, name) -> {
                String wanted = liveIndexes.get(definition);
                if (wanted != null && !wanted.equals(name)) {
                    jdbc.sql("alter index " + live + "." + name + " rename to " + wanted)
                            .update();
                }
            });
        }
        jdbc.sql("drop schema " + RETIRED + " cascade").update();
        jdbc.sql("drop schema " + SHADOW + " cascade").update();
    }

    void drop() {
        jdbc.sql("drop schema if exists " + SHADOW + " cascade").update();
    }

    /** Index name by its definition with the index, schema and table names left out. */
    private Map<String, String> indexes(String schema, String table) {
        Map<String, String> byDefinition = new HashMap<>();
        jdbc.sql("select indexname, indexdef from pg_indexes where schemaname = ? and tablename = ?")
                .params(schema, table)
                .query((rs, n) -> Map.entry(
                        rs.getString("indexdef").replaceFirst("INDEX \\S+ ON \\S+", "INDEX ON"),
                        rs.getString("indexname")))
                .list()
                .forEach(e -> byDefinition.put(e.getKey(), e.getValue()));
        return byDefinition;
    }
}
