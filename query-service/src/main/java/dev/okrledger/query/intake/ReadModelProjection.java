package dev.okrledger.query.intake;

import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.intake.EventProjection;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A projection whose tables are disposable: a rebuild replays the event log through it into fresh
 * tables. The event log itself and the metrics are projections too, but not read models. On the live
 * path each statement runs at once, in the intake's transaction.
 */
public abstract class ReadModelProjection implements EventProjection {

    private final ReadModelWrites live;

    protected ReadModelProjection(JdbcClient jdbc) {
        this.live = ReadModelWrites.direct(jdbc);
    }

    @Override
    public final void project(EventEnvelope envelope) {
        project(envelope, live);
    }

    /**
     * Applies the event through {@code writes}, which may run the statements later, in order for the
     * event's partition key only: no queries here, and no statement that depends on another key's rows
     * (decision 0034).
     */
    public abstract void project(EventEnvelope envelope, ReadModelWrites writes);
}
