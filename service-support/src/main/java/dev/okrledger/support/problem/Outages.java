package dev.okrledger.support.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * Tells an outage of a dependency from a bug, by the failure's causes: a client should be told to
 * come back later (503) for the first, and we want the stack trace of the second. Only JDK types
 * are looked at, so this works whichever layer (Spring's transactions, Axon's event store, Hikari)
 * wrapped the failure.
 */
public final class Outages {

    private Outages() {}

    /** True when {@code failure} is an outage of a dependency: worth trying again once it is back. */
    public static boolean isOutage(Throwable failure) {
        return of(failure).isPresent();
    }

    /** The outage behind {@code failure}, if it is one. */
    static Optional<DependencyUnavailable> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DependencyUnavailable known) {
                return Optional.of(known);
            }
            if (cause instanceof SQLException sql && isConnectionLoss(sql)) {
                return Optional.of(new DependencyUnavailable(
                        ProblemRules.DATABASE_UNAVAILABLE,
                        "The database is not reachable right now; nothing was changed",
                        failure));
            }
        }
        return Optional.empty();
    }

    /**
     * No connection to be had (Hikari's wait ran out), the connection broke (class 08), the server is
     * shutting down or starting (57P01–57P03), or it has no connection slot left (53300).
     */
    private static boolean isConnectionLoss(SQLException sql) {
        if (sql instanceof SQLTransientConnectionException) {
            return true;
        }
        String state = sql.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P0") || state.equals("53300"));
    }
}
