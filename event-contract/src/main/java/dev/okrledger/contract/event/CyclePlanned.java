package dev.okrledger.contract.event;

import java.time.LocalDate;
import java.util.UUID;

public record CyclePlanned(UUID cycleId, String name, LocalDate startsOn, LocalDate endsOn, Cadence cadence)
        implements OkrEvent {
    @Override
    public String partitionKey() {
        return cycleId.toString();
    }
}
