package dev.okrledger.contract.policy;

/**
 * The pace of a key result at one moment, as {@link PacePlan#judge} gives it.
 *
 * @param expectedProgress where the key result should be by then (0..1)
 * @param progress         where it is: progress of the value judged, 0 before the first check-in
 * @param verdict          {@code BEHIND} when progress &lt; expected − the policy's pace tolerance
 * @param planned          the expectation follows planned checkpoints rather than the straight line
 */
public record PaceJudgement(double expectedProgress, double progress, PaceVerdict verdict, boolean planned) {

    public boolean behind() {
        return verdict == PaceVerdict.BEHIND;
    }
}
