package dev.okrledger.notifier.tracking;

import dev.okrledger.contract.event.CheckInRecorded;
import dev.okrledger.contract.event.CycleActivated;
import dev.okrledger.contract.event.CycleClosed;
import dev.okrledger.contract.event.CyclePlanned;
import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.contract.event.KeyResultDefined;
import dev.okrledger.contract.event.KeyResultDropped;
import dev.okrledger.contract.event.KeyResultOwnerChanged;
import dev.okrledger.contract.event.KeyResultTargetChanged;
import dev.okrledger.contract.event.MeasurementRecorded;
import dev.okrledger.contract.event.ObjectiveDefined;
import dev.okrledger.contract.event.ObjectiveRetired;
import org.springframework.stereotype.Component;

/**
 * Keeps the notifier's own view of cycles, objectives, key results and check-ins. Not an
 * EventProjection itself: the alert projection calls it first, so the rules see the state before
 * and after each event in the same transaction.
 */
@Component
public class TrackingProjection {

    private final TrackingStore store;

    TrackingProjection(TrackingStore store) {
        this.store = store;
    }

    /**
     * Applies the event. Returns, for a check-in or a measurement, whether its value became the key result's latest; for a
     * planned cycle, whether it was new here (not a replay); otherwise false.
     */
    public boolean apply(EventEnvelope envelope) {
        Object event = envelope.payload();
        if (event instanceof CyclePlanned e) {
            return store.planCycle(e);
        } else if (event instanceof CycleActivated e) {
            store.setCycleStatus(e.cycleId(), CycleStatus.ACTIVE);
        } else if (event instanceof CycleClosed e) {
            store.setCycleStatus(e.cycleId(), CycleStatus.CLOSED);
        } else if (event instanceof ObjectiveDefined e) {
            store.defineObjective(e);
        } else if (event instanceof KeyResultDefined e) {
            store.defineKeyResult(e, envelope.occurredAt());
        } else if (event instanceof CheckInRecorded e) {
            return store.recordCheckIn(e, envelope.occurredAt());
        } else if (event instanceof MeasurementRecorded e) {
            return store.recordMeasurement(e);
        } else if (event instanceof KeyResultTargetChanged e) {
            store.changeTarget(e.keyResultId(), e.toTarget());
        } else if (event instanceof KeyResultOwnerChanged e) {
            store.changeOwner(e.keyResultId(), e.toOwner());
        } else if (event instanceof KeyResultDropped e) {
            store.dropKeyResult(e.keyResultId());
        } else if (event instanceof ObjectiveRetired e) {
            store.retireObjective(e.objectiveId());
        }
        return false;
    }
}
