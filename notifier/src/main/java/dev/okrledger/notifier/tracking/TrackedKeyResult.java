package dev.okrledger.notifier.tracking;

import dev.okrledger.contract.event.Checkpoint;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A key result as the notifier knows it.
 *
 * @param lastCheckInId   latest check-in in effective order, or null before the first one
 * @param behindPace      the pace rule's state after the latest check-in
 * @param pursued         false once the key result is dropped or its objective retired: no rule
 *                        raises anything for it any more
 * @param checkpoints     planned expected values for non-linear pacing; empty means linear pace
 */
public record TrackedKeyResult(UUID keyResultId, UUID objectiveId, UUID cycleId, String team, String title,
                               String owner, BigDecimal baseline, BigDecimal target, Instant definedAt,
                               UUID lastCheckInId, Instant lastEffectiveAt, boolean behindPace,
                               boolean pursued, List<Checkpoint> checkpoints) {

    public TrackedKeyResult {
        checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
    }
}
