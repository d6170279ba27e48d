package dev.okrledger.contract.event;

/**
 * Every domain event of the OKR ledger. The set is closed so that consumers can switch over it
 * exhaustively; a new event type is added here and to {@link EventTypes}.
 */
public sealed interface OkrEvent
        permits CyclePlanned,
                CycleActivated,
                CycleClosed,
                ObjectiveDefined,
                ObjectiveReworded,
                ObjectiveRealigned,
                ObjectiveRetired,
                ObjectiveRetrospectiveRecorded,
                KeyResultDefined,
                KeyResultReworded,
                KeyResultTargetChanged,
                KeyResultOwnerChanged,
                KeyResultDropped,
                KeyResultGraded,
                CheckInRecorded,
                ConfidenceChanged,
                MeasurementRecorded,
                InitiativeAdded,
                InitiativeStarted,
                InitiativePivoted,
                InitiativeStopped,
                InitiativeCompleted,
                PersonRegistered,
                PersonProfileUpdated,
                PersonTeamsChanged,
                PersonHandlesChanged {

    /** The Kafka partition key: events of one objective (and its key results), cycle or person stay in order. */
    String partitionKey();
}
