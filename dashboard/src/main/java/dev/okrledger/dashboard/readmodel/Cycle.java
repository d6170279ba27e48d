package dev.okrledger.dashboard.readmodel;

import dev.okrledger.contract.event.Cadence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A cycle as the query service answers it, possibly as known at some moment.
 *
 * @param status   PLANNING, ACTIVE or CLOSED as known at that moment
 * @param endsOn   exclusive: cycle days are read in UTC and the end date is not part of the cycle
 */
public record Cycle(
        UUID id,
        String name,
        LocalDate startsOn,
        LocalDate endsOn,
        Cadence cadence,
        String status,
        Instant plannedAt,
        Instant activatedAt,
        Instant closedAt) {

    public Instant start() {
        return startsOn.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public Instant end() {
        return endsOn.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
