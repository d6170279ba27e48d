package dev.okrledger.notifier.tracking;

import java.util.List;
import java.util.UUID;

/**
 * What one event did to one tracked key result: the alert rules decide from this, and nobody reads the
 * state back.
 *
 * @param before    the key result before the event; null when it is not known here
 * @param after     the key result after it (its pace state included); null when not known
 * @param fresh     false when the tracking held the event already: a check-in kept before (a replay), a
 *                  measurement no later than the latest value, a cycle planned before
 * @param paceMoves the readings that turned the pace, in order: the check-in or measurement that became
 *                  the latest value, the latest value judged again after a target change, or, for a cycle
 *                  that arrived late, every value in the order it arrived
 */
public record KeyResultChange(
        UUID keyResultId, TrackedKeyResult before, TrackedKeyResult after, boolean fresh, List<PaceMove> paceMoves) {

    public KeyResultChange {
        paceMoves = List.copyOf(paceMoves);
    }

    /** The event concerns the key result but changed nothing the rules look at. */
    static KeyResultChange unchanged(UUID keyResultId, TrackedKeyResult keyResult) {
        return new KeyResultChange(keyResultId, keyResult, keyResult, true, List.of());
    }

    static KeyResultChange seenBefore(UUID keyResultId, TrackedKeyResult keyResult) {
        return new KeyResultChange(keyResultId, keyResult, keyResult, false, List.of());
    }
}
