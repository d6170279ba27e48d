package dev.okrledger.command.directory;

import dev.okrledger.contract.event.Cadence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/** What other aggregates need to know of a cycle to decide: its window and whether it is active. */
public record CycleFacts(UUID cycleId, LocalDate startsOn, LocalDate endsOn, Cadence cadence, CycleStatus status) {

    public enum CycleStatus {
        PLANNING,
        ACTIVE,
        CLOSED
    }

    /** True when {@code moment} lies in [start of startsOn, start of endsOn) in UTC. */
    public boolean covers(Instant moment) {
        Instant start = startsOn.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = endsOn.atStartOfDay(ZoneOffset.UTC).toInstant();
        return !moment.isBefore(start) && moment.isBefore(end);
    }
}
