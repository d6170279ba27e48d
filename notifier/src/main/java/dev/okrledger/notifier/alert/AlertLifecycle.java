package dev.okrledger.notifier.alert;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The only way an alert changes state: store the change, then tell every output in the same
 * transaction. A change that does not happen (alert exists, already resolved) tells nobody. The rules'
 * decisions for an event are applied here, once, in their order.
 */
@Component
public class AlertLifecycle {

    private final AlertStore store;
    private final List<AlertChangeListener> listeners;
    private final MeterRegistry meters;

    AlertLifecycle(AlertStore store, List<AlertChangeListener> listeners, MeterRegistry meters) {
        this.store = store;
        this.listeners = listeners;
        this.meters = meters;
    }

    /** Applies the rules' decisions for one event, in order, in the caller's transaction. */
    void apply(List<Decision> decisions) {
        for (Decision decision : decisions) {
            if (decision instanceof Decision.Raise raise) {
                raise(raise.alert());
            } else if (decision instanceof Decision.Resolve resolve) {
                store.unresolved(resolve.keyResultId(), resolve.kinds(), resolve.triggeredBefore())
                        .forEach(alert -> resolve(alert.id(), resolve.at(), resolve.by()));
            } else if (decision instanceof Decision.ResolveAll all) {
                store.unresolved(all.keyResultId()).forEach(alert -> resolve(alert.id(), all.at(), all.by()));
            }
        }
    }

    /** True when the alert is new (its trigger was never seen before). */
    boolean raise(Alert alert) {
        if (!store.addIfNew(alert)) {
            return false;
        }
        tell(AlertChange.of(AlertChange.Change.RAISED, alert.raisedAt(), null, alert));
        meters.counter(
                        "okr.alerts.raised",
                        "kind",
                        alert.kind().name(),
                        "severity",
                        alert.severity().name())
                .increment();
        return true;
    }

    Optional<Alert> resolve(UUID alertId, Instant at, String by) {
        Optional<Alert> resolved = store.resolve(alertId, at, by);
        resolved.ifPresent(alert -> {
            tell(AlertChange.of(AlertChange.Change.RESOLVED, at, by, alert));
            meters.counter(
                            "okr.alerts.resolved",
                            "kind",
                            alert.kind().name(),
                            "severity",
                            alert.severity().name())
                    .increment();
        });
        return resolved;
    }

    Optional<Alert> acknowledge(UUID alertId, Instant at, String by) {
        Optional<Alert> acknowledged = store.acknowledge(alertId, at, by);
        acknowledged.ifPresent(alert -> tell(AlertChange.of(AlertChange.Change.ACKNOWLEDGED, at, by, alert)));
        return acknowledged;
    }

    private void tell(AlertChange change) {
        listeners.forEach(listener -> listener.on(change));
    }
}
