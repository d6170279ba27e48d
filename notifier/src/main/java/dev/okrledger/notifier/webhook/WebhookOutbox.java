package dev.okrledger.notifier.webhook;

import dev.okrledger.notifier.alert.AlertChange;
import dev.okrledger.notifier.alert.AlertChangeListener;
import dev.okrledger.notifier.tracking.TrackedKeyResult;
import dev.okrledger.notifier.tracking.TrackingReader;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Queues a delivery per matching subscription, in the transaction that changed the alert: a change
 * that commits is never lost, one that rolls back is never sent. Acknowledgements are not sent:
 * they come from the people who would receive them.
 */
@Component
class WebhookOutbox implements AlertChangeListener {

    private static final Set<AlertChange.Change> SENT =
            EnumSet.of(AlertChange.Change.RAISED, AlertChange.Change.RESOLVED);

    private final WebhookStore store;
    private final TrackingReader tracking;
    private final Clock clock;

    WebhookOutbox(WebhookStore store, TrackingReader tracking, Clock clock) {
        this.store = store;
        this.tracking = tracking;
        this.clock = clock;
    }

    @Override
    public void on(AlertChange change) {
        if (!SENT.contains(change.change())) {
            return;
        }
        var alert = change.alert();
        List<Subscription> subscriptions = store.matching(alert.team(), alert.keyResultId());
        if (subscriptions.isEmpty()) {
            return;
        }
        String title = tracking.keyResult(alert.keyResultId())
                .map(TrackedKeyResult::title)
                .orElse(null);
        for (Subscription s : subscriptions) {
            store.enqueue(
                    s.id(),
                    alert.id(),
                    change.change().name(),
                    s.url(),
                    WebhookPayloads.render(s.format(), change, title),
                    clock.instant());
        }
    }
}
