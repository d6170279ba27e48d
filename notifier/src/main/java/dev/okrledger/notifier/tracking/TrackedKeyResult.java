package dev.okrledger.notifier.tracking;

import dev.okrledger.contract.event.Checkpoint;
import dev.okrledger.contract.policy.OkrPolicy;
import dev.okrledger.contract.policy.PaceJudgement;
import dev.okrledger.contract.policy.PacePlan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A key result as the notifier knows it.
 *
 * @param lastCheckInId   latest check-in in effective order, or null before the first one
 * @param behindPace      the pace state the latest value left (judged by {@link #paceOf}); kept apart from
 *                        the BEHIND_PACE alert's workflow, so a manual resolve does not raise it again
 * @param pursued         false once the key result is dropped or its objective retired: no rule
 *                        raises anything for it any more
 * @param checkpoints     planned expected values for non-linear pacing; empty means linear pace
 */
public record TrackedKeyResult(
        UUID keyResultId,
        UUID objectiveId,
        UUID cycleId,
        String team,
        String title,
        String owner,
        BigDecimal baseline,
        BigDecimal target,
        Instant definedAt,
        UUID lastCheckInId,
        Instant lastEffectiveAt,
        boolean behindPace,
        boolean pursued,
        List<Checkpoint> checkpoints) {

    public TrackedKeyResult {
        checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
    }

    /**
     * The pace of a value at a moment: progress against expected progress along the key result's
     * {@link PacePlan} in its cycle (linear, or through its checkpoints), the judgement the boards make too.
     */
    public PaceJudgement paceOf(BigDecimal value, Instant at, CycleWindow cycle, OkrPolicy policy) {
        return new PacePlan(cycle.startsOn(), cycle.endsOn(), baseline, target, checkpoints).judge(value, at, policy);
    }

    TrackedKeyResult withLatestCheckIn(UUID checkInId, Instant effectiveAt) {
        return new TrackedKeyResult(
                keyResultId,
                objectiveId,
                cycleId,
                team,
                title,
                owner,
                baseline,
                target,
                definedAt,
                checkInId,
                effectiveAt,
                behindPace,
                pursued,
                checkpoints);
    }

    TrackedKeyResult withTarget(BigDecimal newTarget) {
        return new TrackedKeyResult(
                keyResultId,
                objectiveId,
                cycleId,
                team,
                title,
                owner,
                baseline,
                newTarget,
                definedAt,
                lastCheckInId,
                lastEffectiveAt,
                behindPace,
                pursued,
                checkpoints);
    }

    TrackedKeyResult withBehindPace(boolean behind) {
        return new TrackedKeyResult(
                keyResultId,
                objectiveId,
                cycleId,
                team,
                title,
                owner,
                baseline,
                target,
                definedAt,
                lastCheckInId,
                lastEffectiveAt,
                behind,
                pursued,
                checkpoints);
    }

    TrackedKeyResult noLongerPursued() {
        return new TrackedKeyResult(
                keyResultId,
                objectiveId,
                cycleId,
                team,
                title,
                owner,
                baseline,
                target,
                definedAt,
                lastCheckInId,
                lastEffectiveAt,
                behindPace,
                false,
                checkpoints);
    }
}
