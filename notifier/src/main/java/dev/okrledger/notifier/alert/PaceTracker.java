package dev.okrledger.notifier.alert;

import dev.okrledger.contract.event.MeasurementRecorded;
import dev.okrledger.notifier.tracking.CycleWindow;
import dev.okrledger.notifier.tracking.TrackedCheckIn;
import dev.okrledger.notifier.tracking.TrackedKeyResult;
import dev.okrledger.notifier.tracking.TrackedMeasurement;
import dev.okrledger.notifier.tracking.TrackingStore;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * BEHIND_PACE: raised when a check-in or a measurement that becomes the key result's latest value leaves
 * it behind pace (evaluated at its effective moment), once until the first later value is back within
 * tolerance, which resolves it. The
 * state (behind or not) lives on the key result, apart from the alert's workflow status.
 */
@Component
class PaceTracker {

    private final TrackingStore state;
    private final AlertRules rules;
    private final AlertStore alerts;
    private final AlertLifecycle lifecycle;

    PaceTracker(TrackingStore state, AlertRules rules, AlertStore alerts, AlertLifecycle lifecycle) {
        this.state = state;
        this.rules = rules;
        this.alerts = alerts;
        this.lifecycle = lifecycle;
    }

    /** Evaluates a check-in that became the key result's latest; waits when the cycle is not known yet. */
    void onLatestCheckIn(TrackedKeyResult kr, UUID checkInId, BigDecimal value, Instant effectiveAt, Instant at) {
        evaluate(kr, checkInId, value, effectiveAt, at, "check-in:" + checkInId, null);
    }

    /**
     * Evaluates a measurement that became the key result's latest value, at its observed moment. The
     * alert names the measurement where it would name a check-in, and its reason says it was measured.
     */
    void onLatestMeasurement(TrackedKeyResult kr, MeasurementRecorded measurement, Instant at) {
        evaluate(kr, measurement.measurementId(), measurement.value(), measurement.observedAt(), at,
                "measurement:" + measurement.measurementId(), measuredBy(measurement.measurementId(), measurement.source()));
    }

    /**
     * The target changed: the latest value in effective order is judged again against the new target (at
     * its own moment), raising BEHIND_PACE or resolving it ({@code target-changed}). That value is a
     * measurement's when one holds it, else the latest check-in's; nothing to judge before the first.
     */
    void onTargetChanged(UUID keyResultId, Instant at) {
        TrackedKeyResult kr = state.keyResult(keyResultId).orElse(null);
        if (kr == null) {
            return;
        }
        Optional<TrackedMeasurement> measured = state.measurementHoldingTheValue(keyResultId);
        if (measured.isPresent()) {
            TrackedMeasurement m = measured.get();
            evaluate(kr, m.measurementId(), m.value(), m.observedAt(), at, "target-changed",
                    measuredBy(m.measurementId(), m.source()));
        } else if (kr.lastCheckInId() != null) {
            state.checkIn(kr.lastCheckInId()).ifPresent(latest ->
                    evaluate(kr, latest.checkInId(), latest.value(), latest.effectiveAt(), at, "target-changed", null));
        }
    }

    private static String measuredBy(UUID measurementId, String source) {
        return "measurement " + measurementId + (source == null ? "" : " from " + source);
    }

    /** @param measuredBy the measurement judged, for the alert's reason; null for a check-in */
    private void evaluate(TrackedKeyResult kr, UUID checkInId, BigDecimal value, Instant effectiveAt, Instant at,
                          String resolvedBy, String measuredBy) {
        if (!kr.pursued()) {
            return; // dropped, or its objective retired
        }
        Optional<CycleWindow> cycle = state.cycle(kr.cycleId());
        if (cycle.isEmpty()) {
            return; // replayed when CyclePlanned arrives
        }
        boolean behind = rules.isBehindPace(kr, cycle.get(), value, effectiveAt);
        if (behind == kr.behindPace()) {
            return;
        }
        state.setBehindPace(kr.keyResultId(), behind);
        if (behind) {
            lifecycle.raise(rules.behindPace(kr, cycle.get(), checkInId, value, effectiveAt, at, measuredBy));
        } else {
            alerts.unresolved(kr.keyResultId(), AlertKind.BEHIND_PACE)
                    .forEach(alert -> lifecycle.resolve(alert.id(), at, resolvedBy));
        }
    }

    /**
     * The cycle arrived after some check-ins: run them through the rule in the order they arrived, then,
     * when a measurement holds the latest value, judge that value last (earlier measurements are not kept).
     */
    void replay(UUID keyResultId) {
        for (TrackedCheckIn checkIn : state.latestCheckInsInArrivalOrder(keyResultId)) {
            TrackedKeyResult kr = state.keyResult(keyResultId).orElseThrow();
            onLatestCheckIn(kr, checkIn.checkInId(), checkIn.value(), checkIn.effectiveAt(), checkIn.recordedAt());
        }
        state.measurementHoldingTheValue(keyResultId).ifPresent(m -> evaluate(state.keyResult(keyResultId).orElseThrow(),
                m.measurementId(), m.value(), m.observedAt(), m.observedAt(), "measurement:" + m.measurementId(),
                measuredBy(m.measurementId(), m.source())));
    }
}
