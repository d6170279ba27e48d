package dev.okrledger.contract.policy;

import java.math.BigDecimal;
import java.math.MathContext;

/** Progress and score of a key result: (value − baseline) / (target − baseline), clamped to 0..1. */
public final class Progress {

    private Progress() {}

    /**
     * Works for decreasing key results too (12 h → 4 h): the sign of (target − baseline) carries the
     * direction. The same formula on the final value is the score at cycle close.
     */
    public static double of(BigDecimal baseline, BigDecimal target, BigDecimal value) {
        BigDecimal span = target.subtract(baseline);
        if (span.signum() == 0) {
            throw new IllegalArgumentException("target must differ from baseline");
        }
        double raw =
                value.subtract(baseline).divide(span, MathContext.DECIMAL64).doubleValue();
        return Math.max(0.0, Math.min(1.0, raw));
    }
}
