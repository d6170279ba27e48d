package dev.okrledger.contract.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The elapsed fraction of a cycle at a moment: the expected progress of a key result without planned
 * checkpoints. A key result's expected progress and pace verdict come from {@link PacePlan}.
 */
public final class Pace {

    private Pace() {}

    /** Cycle days are read in UTC: the cycle runs from the start of {@code startsOn} to the start of {@code endsOn}. */
    public static double expectedProgress(LocalDate startsOn, LocalDate endsOn, Instant at) {
        Instant start = startsOn.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = endsOn.atStartOfDay(ZoneOffset.UTC).toInstant();
        long total = Duration.between(start, end).toMillis();
        if (total <= 0) {
            throw new IllegalArgumentException("a cycle must end after it starts");
        }
        double elapsed = Duration.between(start, at).toMillis();
        return Math.max(0.0, Math.min(1.0, elapsed / total));
    }
}
