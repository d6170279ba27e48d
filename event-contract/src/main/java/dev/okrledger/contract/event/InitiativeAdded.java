package dev.okrledger.contract.event;

import java.util.UUID;

/** Work chosen to move a key result; starts PLANNED or ACTIVE. */
public record InitiativeAdded(
        UUID keyResultId, UUID objectiveId, UUID initiativeId, String title, String approach, InitiativeStatus status)
        implements OkrEvent {
    @Override
    public String partitionKey() {
        return objectiveId.toString();
    }
}
