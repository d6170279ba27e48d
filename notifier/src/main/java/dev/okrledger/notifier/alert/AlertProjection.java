package dev.okrledger.notifier.alert;

import dev.okrledger.contract.event.CheckInRecorded;
import dev.okrledger.contract.event.ConfidenceChanged;
import dev.okrledger.contract.event.CycleClosed;
import dev.okrledger.contract.event.CyclePlanned;
import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.contract.event.KeyResultDropped;
import dev.okrledger.contract.event.KeyResultTargetChanged;
import dev.okrledger.contract.event.MeasurementRecorded;
import dev.okrledger.contract.event.ObjectiveRetired;
import dev.okrledger.intake.EventProjection;
import dev.okrledger.notifier.tracking.TrackedKeyResult;
import dev.okrledger.notifier.tracking.TrackingProjection;
import dev.okrledger.notifier.tracking.TrackingStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Feeds each event to the notifier's tracking state, then applies the alert rules: check-ins raise
 * and recover, a confidence change may raise a drop, a cycle arriving late catches up on pace, a
 * target change judges the latest check-in again, a dropped key result or retired objective resolves
 * its alerts and raises nothing more.
 */
@Component
class AlertProjection implements EventProjection {

    private final TrackingProjection tracking;
    private final TrackingStore state;
    private final AlertRules rules;
    private final AlertLifecycle lifecycle;
    private final AlertStore alerts;
    private final PaceTracker pace;

    AlertProjection(TrackingProjection tracking, TrackingStore state, AlertRules rules, AlertLifecycle lifecycle,
                    AlertStore alerts, PaceTracker pace) {
        this.tracking = tracking;
        this.state = state;
        this.rules = rules;
        this.lifecycle = lifecycle;
        this.alerts = alerts;
        this.pace = pace;
    }

    @Override
    public void project(EventEnvelope envelope) {
        boolean fresh = tracking.apply(envelope);
        Object event = envelope.payload();
        if (event instanceof CheckInRecorded checkIn) {
            onCheckIn(checkIn, fresh, envelope.occurredAt());
        } else if (event instanceof MeasurementRecorded measurement && fresh) {
            // only pace: confidence and its alerts stay with people's check-ins
            state.keyResult(measurement.keyResultId()).ifPresent(kr -> pace.onLatestMeasurement(kr, measurement,
                    envelope.occurredAt()));
        } else if (event instanceof ConfidenceChanged change) {
            TrackedKeyResult kr = state.keyResult(change.keyResultId()).orElse(null);
            if (kr != null && !kr.pursued()) {
                return;
            }
            rules.confidenceDrop(change, kr, envelope.occurredAt()).ifPresent(lifecycle::raise);
        } else if (event instanceof CyclePlanned planned && fresh) {
            // events of other objectives may have come first: their check-ins waited for the window
            state.keyResultsOfCycle(planned.cycleId()).forEach(pace::replay);
        } else if (event instanceof KeyResultTargetChanged changed) {
            pace.onTargetChanged(changed.keyResultId(), envelope.occurredAt());
        } else if (event instanceof KeyResultDropped dropped) {
            resolveAll(dropped.keyResultId(), envelope.occurredAt(), "key-result-dropped");
        } else if (event instanceof ObjectiveRetired retired) {
            state.keyResultsOfObjective(retired.objectiveId())
                    .forEach(kr -> resolveAll(kr, envelope.occurredAt(), "objective-retired"));
        } else if (event instanceof CycleClosed closed) {
            // nobody can check in any more: a silence is no longer actionable
            state.keyResultsOfCycle(closed.cycleId()).forEach(kr -> alerts.unresolved(kr, AlertKind.MISSED_CHECK_IN)
                    .forEach(a -> lifecycle.resolve(a.id(), envelope.occurredAt(), "cycle-closed")));
        }
    }

    private void onCheckIn(CheckInRecorded checkIn, boolean latest, Instant at) {
        TrackedKeyResult kr = state.keyResult(checkIn.keyResultId()).orElse(null);
        if (kr != null && !kr.pursued()) {
            return; // kept, but nothing is raised or resolved for a key result nobody pursues
        }
        rules.redWithoutDecision(checkIn, kr, at).ifPresent(lifecycle::raise);
        String by = "check-in:" + checkIn.checkInId();
        List<AlertKind> recovered = new ArrayList<>(List.of(AlertKind.MISSED_CHECK_IN));
        if (rules.recoversFromConfidenceDrop(checkIn.confidence())) {
            recovered.add(AlertKind.CONFIDENCE_DROP);
        }
        if (rules.recoversFromRedWithoutDecision(checkIn.confidence(), checkIn.decision())) {
            recovered.add(AlertKind.RED_WITHOUT_DECISION);
        }
        // the open alerts of every kind this check-in ends, raised by an earlier one (effective order), in one read
        alerts.unresolvedBefore(checkIn.keyResultId(), recovered, checkIn.effectiveAt())
                .forEach(alert -> lifecycle.resolve(alert.id(), at, by));
        if (latest && kr != null) {
            pace.onLatestCheckIn(kr, checkIn.checkInId(), checkIn.value(), checkIn.effectiveAt(), at);
        }
    }

    /** The key result is no longer pursued: none of its alerts is actionable any more. */
    private void resolveAll(UUID keyResultId, Instant at, String by) {
        alerts.unresolved(keyResultId).forEach(alert -> lifecycle.resolve(alert.id(), at, by));
    }
}
