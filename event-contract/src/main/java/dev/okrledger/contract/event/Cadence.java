package dev.okrledger.contract.event;

import java.time.Period;

/** How often a cycle's key results are expected to check in. */
public enum Cadence {
    WEEKLY(Period.ofWeeks(1)),
    BIWEEKLY(Period.ofWeeks(2));

    private final Period period;

    Cadence(Period period) {
        this.period = period;
    }

    public Period period() {
        return period;
    }
}
