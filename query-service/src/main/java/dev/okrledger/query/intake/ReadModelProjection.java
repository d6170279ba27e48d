package dev.okrledger.query.intake;

import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.intake.EventProjection;

/**
 * A projection whose tables are disposable: a rebuild replays the event log through it into fresh
 * tables. The event log itself and the metrics are projections too, but not read models.
 */
public interface ReadModelProjection extends EventProjection {

    /**
     * Applies the event through {@code writes}, which may run the statements later but in their order
     * for this event's partition key: write only, never read back (decision 0034).
     */
    void project(EventEnvelope envelope, ReadModelWrites writes);
}
