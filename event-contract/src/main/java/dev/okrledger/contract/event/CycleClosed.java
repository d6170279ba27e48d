package dev.okrledger.contract.event;

import java.util.UUID;

public record CycleClosed(UUID cycleId) implements OkrEvent {
    @Override
    public String partitionKey() {
        return cycleId.toString();
    }
}
