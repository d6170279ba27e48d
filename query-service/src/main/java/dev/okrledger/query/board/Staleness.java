package dev.okrledger.query.board;

import dev.okrledger.query.cycle.CycleSnapshot;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** docs/domain.md "missed check-in": an active KR with no check-in for one cadence period plus a grace. */
public final class Staleness {

    private Staleness() {}

    /**
     * @param lastCheckInAt effective time of the latest check-in, or null (then counted from the cycle start)
     */
    public static boolean isStale(CycleSnapshot cycle, Instant lastCheckInAt, Instant at, Duration grace) {
        boolean running = !"PLANNING".equals(cycle.status())
                && at.isBefore(cycle.end())
                && (cycle.closedAt() == null || cycle.closedAt().isAfter(at));
        if (!running) {
            return false;
        }
        Instant since = lastCheckInAt == null ? cycle.start() : lastCheckInAt;
        Instant due = since.atOffset(ZoneOffset.UTC)
                .plus(cycle.cadence().period())
                .toInstant()
                .plus(grace);
        return at.isAfter(due);
    }
}
