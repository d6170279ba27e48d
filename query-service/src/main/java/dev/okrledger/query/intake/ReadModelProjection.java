package dev.okrledger.query.intake;

import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.intake.EventProjection;

/**
 * A projection whose tables are disposable: a rebuild replays the event log through it into fresh
 * tables. The event log itself and the metrics are projections too, but not read models.
 */
public interface ReadModelProjection extends EventProjection {

    /**
     * Applies the event through {@code writes}, which may run the statements later, in order for the
     * event's partition key only: no queries here, and no statement that depends on another key's rows
     * (decision 0034).
     */
    void project(EventEnvelope envelope, ReadModelWrites writes);
}
