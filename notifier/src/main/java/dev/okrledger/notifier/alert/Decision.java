package dev.okrledger.notifier.alert;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the alert rules decided for one event, for {@link AlertLifecycle} to apply in order. A resolution
 * says which open alerts it ends, not their ids: the rules see the tracked change, not the alert store.
 */
public sealed interface Decision {

    /** Raise the alert, unless its trigger raised it already. */
    record Raise(Alert alert) implements Decision {}

    /**
     * Resolve the key result's open (or acknowledged) alerts of these kinds: in the order of {@code kinds},
     * then as raised.
     *
     * @param triggeredBefore only alerts whose triggering check-in is effective before this moment (or that
     *                        name none): the ones a later check-in recovers from; null for any
     * @param by              {@code resolvedBy}: {@code check-in:<id>}, {@code measurement:<id>},
     *                        {@code target-changed}, {@code cycle-closed}
     */
    record Resolve(UUID keyResultId, List<AlertKind> kinds, Instant triggeredBefore, Instant at, String by)
            implements Decision {

        public Resolve {
            kinds = List.copyOf(kinds);
        }
    }

    /** Resolve every open alert of the key result, as raised: nobody pursues it any more. */
    record ResolveAll(UUID keyResultId, Instant at, String by) implements Decision {}
}
