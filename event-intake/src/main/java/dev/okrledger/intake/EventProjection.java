package dev.okrledger.intake;

import dev.okrledger.contract.event.EventEnvelope;

/**
 * Something a consuming service keeps up to date from the event stream. Called inside the intake's
 * transaction, once per event (duplicates are filtered out before), with events of one aggregate in
 * order and events of different objectives in any order.
 */
public interface EventProjection {

    void project(EventEnvelope envelope);
}
