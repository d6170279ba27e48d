package dev.okrledger.command.eventstore;

import dev.okrledger.contract.event.CheckInRecorded;
import dev.okrledger.contract.event.KeyResultDefined;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.function.UnaryOperator;

/**
 * The log is forever: events stored in an older shape are read in the current one. Each upcaster
 * lifts one revision of one type by one step, on the stored JSON.
 */
final class Upcasters {

    private Upcasters() {}

    /** Revision 1 check-ins had no milestones: they become revision 2 with none done. */
    @Component
    @Order(1)
    static class CheckInRecordedV1ToV2 extends JsonUpcaster {
        CheckInRecordedV1ToV2() {
            super(CheckInRecorded.class.getName(), "1", "2", json -> {
                json.putArray("milestonesDone");
                return json;
            });
        }
    }

    /** Revision 1 key results were metric ones with no measurement definition and linear pace. */
    @Component
    @Order(2)
    static class KeyResultDefinedV1ToV2 extends JsonUpcaster {
        KeyResultDefinedV1ToV2() {
            super(KeyResultDefined.class.getName(), "1", "2", json -> {
                json.put("kind", "METRIC");
                json.putNull("measurement");
                json.putArray("milestones");
                json.putArray("checkpoints");
                return json;
            });
        }
    }

    abstract static class JsonUpcaster extends SingleEventUpcaster {
        private final SimpleSerializedType from;
        private final SimpleSerializedType to;
        private final UnaryOperator<ObjectNode> change;

        JsonUpcaster(String type, String fromRevision, String toRevision, UnaryOperator<ObjectNode> change) {
            this.from = new SimpleSerializedType(type, fromRevision);
            this.to = new SimpleSerializedType(type, toRevision);
            this.change = change;
        }

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().equals(from);
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(to, JsonNode.class, json -> change.apply((ObjectNode) json.deepCopy()));
        }
    }
}
