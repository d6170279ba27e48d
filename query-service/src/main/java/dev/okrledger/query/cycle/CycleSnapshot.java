package dev.okrledger.query.cycle;

import dev.okrledger.contract.event.Cadence;
import dev.okrledger.contract.policy.Pace;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A cycle as known at some moment.
 *
 * @param status    PLANNING, ACTIVE or CLOSED as known at that moment
 * @param closedAt  when the close was recorded, or null
 */
public record CycleSnapshot(UUID id, String name, LocalDate startsOn, LocalDate endsOn, Cadence cadence,
                            String status, Instant plannedAt, Instant activatedAt, Instant closedAt) {

    public Instant start() {
        return startsOn.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Exclusive: cycle days are read in UTC and the end date is not part of the cycle. */
    public Instant end() {
        return endsOn.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public double expectedProgressAt(Instant at) {
        return Pace.expectedProgress(startsOn, endsOn, at);
    }
}
