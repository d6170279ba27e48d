package dev.okrledger.notifier.alert;

import dev.okrledger.contract.event.ConfidenceChanged;
import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.intake.EventProjection;
import org.springframework.stereotype.Component;

/** Applies the alert rules to incoming events; a new alert is stored once and published. */
@Component
class AlertProjection implements EventProjection {

    private final AlertRules rules;
    private final AlertStore store;
    private final AlertPublisher publisher;

    AlertProjection(AlertRules rules, AlertStore store, AlertPublisher publisher) {
        this.rules = rules;
        this.store = store;
        this.publisher = publisher;
    }

    @Override
    public void project(EventEnvelope envelope) {
        if (envelope.payload() instanceof ConfidenceChanged change) {
            rules.confidenceDrop(change, envelope.occurredAt())
                    .filter(store::addIfNew)
                    .ifPresent(publisher::publish);
        }
    }
}
