package dev.okrledger.query.board;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;

/**
 * The order of a key result's values, check-ins (by {@code effectiveAt}) and measurements (by
 * {@code observedAt}) together: the latest is the current value. At the very same moment a person's
 * check-in comes after a measurement, so it wins, as the command side grades the key result and the
 * notifier judges its pace; two values of one kind at one moment keep the order they were recorded in
 * (the key result's event sequence). Confidence is no part of it: it follows check-ins alone.
 */
public final class EffectiveOrder {

    /** A value on a key result's timeline. */
    public interface Value {

        BigDecimal value();

        Instant effectiveAt();

        /** From a data source, not a check-in. */
        boolean measured();

        /** The key result's event sequence number: the order of recording. */
        long sequence();
    }

    public static final Comparator<Value> OLDEST_FIRST = Comparator.comparing(Value::effectiveAt)
            .thenComparing(Value::measured, Comparator.reverseOrder())
            .thenComparingLong(Value::sequence);

    private EffectiveOrder() {}

    /** The later of two values in effective order; either may be null. */
    public static <T extends Value> T latest(T a, T b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return OLDEST_FIRST.compare(a, b) >= 0 ? a : b;
    }
}
