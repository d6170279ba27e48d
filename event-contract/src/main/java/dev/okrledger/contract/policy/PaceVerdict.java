package dev.okrledger.contract.policy;

/** Whether a key result (or an objective) keeps pace: docs/domain.md "Expected progress and pace". */
public enum PaceVerdict {
    ON_TRACK,
    BEHIND;

    /** {@code BEHIND} when progress trails the expected progress by more than the policy's pace tolerance. */
    public static PaceVerdict of(double progress, double expectedProgress, OkrPolicy policy) {
        return policy.isBehindPace(progress, expectedProgress) ? BEHIND : ON_TRACK;
    }
}
