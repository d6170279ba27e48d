package dev.okrledger.contract.event;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** JSON form of an {@link EventEnvelope}, the value of every record on {@code okr.events}. */
public final class EventCodec {

    private static final JsonMapper MAPPER =
            JsonMapper.builder().findAndAddModules().build();

    private EventCodec() {}

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] encode(EventEnvelope envelope) {
        return MAPPER.writeValueAsBytes(envelope);
    }

    /**
     * Reads an envelope; an unknown event type yields an envelope without payload rather than an
     * error, and the consumer decides: the services' intake stops the partition there until it is
     * upgraded to a build that knows the type (decision 0044), never skipping it.
     *
     * @throws IllegalArgumentException when the bytes are not an envelope at all, or one of a known type
     *                                  without its payload
     */
    public static EventEnvelope decode(byte[] json) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a JSON event envelope", e);
        }
        if (!(tree instanceof ObjectNode object) || !object.hasNonNull("type") || !object.hasNonNull("aggregateId")) {
            throw new IllegalArgumentException("Not an event envelope: type and aggregateId are required");
        }
        JsonNode payloadNode = object.remove("payload");
        EventEnvelope bare = MAPPER.treeToValue(object, EventEnvelope.class);
        OkrEvent payload = EventTypes.byName(bare.type())
                .map(t -> (OkrEvent) MAPPER.treeToValue(payloadNode, t.javaType()))
                .orElse(null);
        if (payload == null && EventTypes.byName(bare.type()).isPresent()) {
            throw new IllegalArgumentException("Not an event envelope: " + bare.type() + " without its payload");
        }
        return new EventEnvelope(
                bare.eventId(),
                bare.type(),
                bare.revision(),
                bare.aggregateType(),
                bare.aggregateId(),
                bare.sequence(),
                bare.occurredAt(),
                bare.actor(),
                bare.actorName(),
                bare.correlationId(),
                payload);
    }
}
