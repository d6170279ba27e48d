package dev.okrledger.query.audit;

import dev.okrledger.contract.event.CheckInRecorded;
import dev.okrledger.contract.event.EventCodec;
import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.query.audit.AuditEntry.Change;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a stream of envelopes into before/after changes. Generic by design, so that event types the
 * command side adds later (rewording, target and owner changes with reasons) read well without code
 * here: {@code fromX}/{@code toX} and {@code previousX}/{@code X} pairs become one change of X, a
 * {@code reason} field becomes the entry's reason, other fields are values set. Check-ins need
 * state: their "before" is the check-in before them in effective order.
 */
public class ChangeDescriber {

    private static final Set<String> IDS = Set.of("cycleId", "objectiveId", "keyResultId", "checkInId", "reason");

    private record CheckIn(Instant effectiveAt, long position, BigDecimal value, int confidence) {}

    private final Map<UUID, List<CheckIn>> checkIns = new HashMap<>();

    public AuditEntry describe(EventLog.Entry entry) {
        EventEnvelope e = entry.envelope();
        JsonNode payload = EventCodec.mapper().valueToTree(e.payload());
        String subject = payload.has("keyResultId") ? "key-result" : payload.has("objectiveId") ? "objective" : "cycle";
        String subjectId = payload.path(
                        subject.equals("key-result")
                                ? "keyResultId"
                                : subject.equals("objective") ? "objectiveId" : "cycleId")
                .asString(null);
        List<Change> changes =
                e.payload() instanceof CheckInRecorded c ? checkIn(entry.position(), c) : generic(payload);
        String reason = payload.hasNonNull("reason") ? payload.get("reason").asString() : null;
        return new AuditEntry(
                entry.position(),
                e.eventId(),
                e.type(),
                subject,
                subjectId,
                e.occurredAt(),
                e.actor(),
                e.actorName(),
                e.correlationId(),
                reason,
                changes);
    }

    private List<Change> checkIn(long position, CheckInRecorded c) {
        List<CheckIn> timeline = checkIns.computeIfAbsent(c.keyResultId(), k -> new ArrayList<>());
        CheckIn previous = timeline.stream()
                .filter(p -> !p.effectiveAt().isAfter(c.effectiveAt()))
                .max(Comparator.comparing(CheckIn::effectiveAt).thenComparingLong(CheckIn::position))
                .orElse(null);
        timeline.add(new CheckIn(c.effectiveAt(), position, c.value(), c.confidence()));
        List<Change> changes = new ArrayList<>();
        changes.add(new Change("value", previous == null ? null : previous.value(), c.value()));
        changes.add(new Change("confidence", previous == null ? null : previous.confidence(), c.confidence()));
        changes.add(new Change("effectiveAt", null, c.effectiveAt()));
        addIfPresent(changes, "note", c.note());
        addIfPresent(changes, "blockers", c.blockers());
        addIfPresent(changes, "decision", c.decision());
        return changes;
    }

    private static List<Change> generic(JsonNode payload) {
        List<Change> changes = new ArrayList<>();
        if (payload == null) {
            return changes;
        }
        Set<String> fields = new java.util.LinkedHashSet<>(payload.propertyNames());
        for (String field : fields) {
            if (IDS.contains(field)) {
                continue;
            }
            if (field.startsWith("from") && fields.contains("to" + field.substring(4))) {
                changes.add(new Change(
                        decapitalize(field.substring(4)),
                        value(payload.get(field)),
                        value(payload.get("to" + field.substring(4)))));
            } else if (field.startsWith("previous") && fields.contains(decapitalize(field.substring(8)))) {
                String name = decapitalize(field.substring(8));
                changes.add(new Change(name, value(payload.get(field)), value(payload.get(name))));
            } else if (!(field.startsWith("to") && fields.contains("from" + field.substring(2)))
                    && !fields.contains("previous" + capitalize(field))
                    && !payload.get(field).isNull()) {
                changes.add(new Change(field, null, value(payload.get(field))));
            }
        }
        return changes;
    }

    private static Object value(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isNumber() ? node.decimalValue() : node.isValueNode() ? node.asString() : node;
    }

    private static void addIfPresent(List<Change> changes, String field, String value) {
        if (value != null) {
            changes.add(new Change(field, null, value));
        }
    }

    private static String decapitalize(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
