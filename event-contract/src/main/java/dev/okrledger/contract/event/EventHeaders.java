package dev.okrledger.contract.event;

/** Names of the Kafka record headers and event metadata keys shared by all services. */
public final class EventHeaders {
    public static final String EVENT_ID = "okr-event-id";
    public static final String EVENT_TYPE = "okr-event-type";
    public static final String AGGREGATE_ID = "okr-aggregate-id";
    public static final String SEQUENCE = "okr-sequence";
    public static final String CORRELATION_ID = "okr-correlation-id";

    /** Event metadata keys (Axon metadata on the command side, envelope fields on the wire). */
    public static final String META_ACTOR = "actor";

    public static final String META_ACTOR_NAME = "actorName";
    public static final String META_CORRELATION_ID = "correlationId";

    private EventHeaders() {}
}
