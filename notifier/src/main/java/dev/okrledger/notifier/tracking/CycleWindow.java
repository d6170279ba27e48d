package dev.okrledger.notifier.tracking;

import dev.okrledger.contract.event.Cadence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/** What the rules need of a cycle: its window (UTC days, end exclusive), cadence and status. */
public record CycleWindow(UUID cycleId, LocalDate startsOn, LocalDate endsOn, Cadence cadence, CycleStatus status) {

    public Instant start() {
        return startsOn.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public Instant end() {
        return endsOn.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
