package dev.okrledger.contract.event;

/** Confidence bands, best first; the thresholds live in {@link dev.okrledger.contract.policy.OkrPolicy}. */
public enum ConfidenceBand {
    GREEN,
    AMBER,
    RED;

    /** True when going from this band to {@code other} is a step down (green→amber, amber→red, green→red). */
    public boolean worsensTo(ConfidenceBand other) {
        return other.ordinal() > ordinal();
    }
}
