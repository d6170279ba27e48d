package dev.okrledger.tools.faults;

import java.util.List;
import java.util.Map;

/**
 * What one case saw. {@code lost}: check-ins answered 201 missing from the event store, the topic,
 * the query side's history or the notifier's judgements; {@code duplicated}: present more than once
 * in the store, the history or the judgements, plus triggers with two alerts and alert changes a
 * webhook receiver got twice. {@link #failures()} names every invariant that did not hold.
 *
 * @param load            what the load was ({@code 20/s}), or what was sent instead
 * @param recoverySeconds from the fault lifted until writes were answered again and everything
 *                        acknowledged before was everywhere; null when not measured or never
 * @param clientsSaw      answers by HTTP status (599: no answer)
 */
public record CaseResult(
        FaultCase fault,
        String load,
        long sent,
        long acknowledged,
        long lost,
        long duplicated,
        Double recoverySeconds,
        Map<Integer, Long> clientsSaw,
        Map<String, Object> details,
        List<String> failures) {

    public boolean passed() {
        return failures.isEmpty();
    }
}
