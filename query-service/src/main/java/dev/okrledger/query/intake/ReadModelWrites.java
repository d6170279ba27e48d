package dev.okrledger.query.intake;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where a read-model projection sends its statements: straight to the database on the live path, or
 * into a batch that a rebuild sends many rows at a time (decision 0034). Projections make no queries,
 * and a statement depends only on earlier ones of its event's partition key, which a batch keeps in
 * order, so the two give the same rows.
 */
@FunctionalInterface
public interface ReadModelWrites {

    /** One INSERT or UPDATE with positional parameters; its update count is not needed. */
    void update(String sql, Object... params);

    /** Each statement executed at once, in the caller's transaction. */
    static ReadModelWrites direct(JdbcClient jdbc) {
        return (sql, params) -> jdbc.sql(sql).params(params).update();
    }
}
