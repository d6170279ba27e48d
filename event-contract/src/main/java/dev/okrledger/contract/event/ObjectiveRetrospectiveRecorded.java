package dev.okrledger.contract.event;

import java.util.UUID;

/** What the team learned, recorded on an objective of a closed cycle. */
public record ObjectiveRetrospectiveRecorded(UUID objectiveId, UUID cycleId, String note) implements OkrEvent {
    @Override
    public String partitionKey() {
        return objectiveId.toString();
    }
}
