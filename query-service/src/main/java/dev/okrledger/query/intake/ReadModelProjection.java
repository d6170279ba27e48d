package dev.okrledger.query.intake;

import dev.okrledger.intake.EventProjection;

/**
 * A projection whose tables are disposable: a rebuild replays the event log through it into fresh
 * tables. The event log itself and the metrics are projections too, but not read models.
 */
public interface ReadModelProjection extends EventProjection {
}
