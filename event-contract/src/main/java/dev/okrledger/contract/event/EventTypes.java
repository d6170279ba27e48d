package dev.okrledger.contract.event;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The published name and current revision of every event type. The name is what travels on Kafka
 * (the {@code type} of the envelope); the revision goes up whenever a type's shape changes, and old
 * revisions are upcast by the command service, which owns the log.
 */
public final class EventTypes {

    public record EventType(String name, Class<? extends OkrEvent> javaType, String revision) {}

    private static final List<EventType> ALL = List.of(
            new EventType("CyclePlanned", CyclePlanned.class, "1"),
            new EventType("CycleActivated", CycleActivated.class, "1"),
            new EventType("CycleClosed", CycleClosed.class, "1"),
            new EventType("ObjectiveDefined", ObjectiveDefined.class, "1"),
            new EventType("ObjectiveReworded", ObjectiveReworded.class, "1"),
            new EventType("ObjectiveRealigned", ObjectiveRealigned.class, "1"),
            new EventType("ObjectiveRetired", ObjectiveRetired.class, "1"),
            new EventType("ObjectiveRetrospectiveRecorded", ObjectiveRetrospectiveRecorded.class, "1"),
            new EventType("KeyResultDefined", KeyResultDefined.class, "2"),
            new EventType("KeyResultReworded", KeyResultReworded.class, "1"),
            new EventType("KeyResultTargetChanged", KeyResultTargetChanged.class, "1"),
            new EventType("KeyResultOwnerChanged", KeyResultOwnerChanged.class, "1"),
            new EventType("KeyResultDropped", KeyResultDropped.class, "1"),
            new EventType("KeyResultGraded", KeyResultGraded.class, "1"),
            new EventType("CheckInRecorded", CheckInRecorded.class, "2"),
            new EventType("ConfidenceChanged", ConfidenceChanged.class, "1"),
            new EventType("MeasurementRecorded", MeasurementRecorded.class, "1"),
            new EventType("InitiativeAdded", InitiativeAdded.class, "1"),
            new EventType("InitiativeStarted", InitiativeStarted.class, "1"),
            new EventType("InitiativePivoted", InitiativePivoted.class, "1"),
            new EventType("InitiativeStopped", InitiativeStopped.class, "1"),
            new EventType("InitiativeCompleted", InitiativeCompleted.class, "1"),
            new EventType("PersonRegistered", PersonRegistered.class, "1"),
            new EventType("PersonProfileUpdated", PersonProfileUpdated.class, "1"),
            new EventType("PersonTeamsChanged", PersonTeamsChanged.class, "1"),
            new EventType("PersonHandlesChanged", PersonHandlesChanged.class, "1"));

    private static final Map<String, EventType> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::javaType, Function.identity()));

    private EventTypes() {}

    public static Optional<EventType> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static Optional<EventType> byClass(Class<?> javaType) {
        return Optional.ofNullable(BY_CLASS.get(javaType));
    }

    public static EventType of(OkrEvent event) {
        EventType type = BY_CLASS.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException(
                    "Unregistered event type " + event.getClass().getName());
        }
        return type;
    }

    public static List<EventType> all() {
        return ALL;
    }
}
