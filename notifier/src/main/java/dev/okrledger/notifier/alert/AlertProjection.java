package dev.okrledger.notifier.alert;

import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.intake.EventProjection;
import dev.okrledger.notifier.tracking.TrackingProjection;
import org.springframework.stereotype.Component;

/**
 * One way through the notifier for each event: the tracking step keeps the event and says what it
 * changed, the rules decide from that alone (raise, resolve), the lifecycle applies the decisions, all in
 * the intake's transaction.
 */
@Component
class AlertProjection implements EventProjection {

    private final TrackingProjection tracking;
    private final AlertRules rules;
    private final AlertLifecycle lifecycle;

    AlertProjection(TrackingProjection tracking, AlertRules rules, AlertLifecycle lifecycle) {
        this.tracking = tracking;
        this.rules = rules;
        this.lifecycle = lifecycle;
    }

    @Override
    public void project(EventEnvelope envelope) {
        lifecycle.apply(rules.decide(tracking.apply(envelope)));
    }
}
