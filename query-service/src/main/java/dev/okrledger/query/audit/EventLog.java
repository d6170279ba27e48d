package dev.okrledger.query.audit;

import dev.okrledger.contract.event.EventCodec;
import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.intake.EventProjection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The append-only copy of every envelope taken in. Subjects (cycle, objective, key result) are read
 * from the payload by field name, so event types added later are indexed without code here.
 */
@Component
public class EventLog implements EventProjection {

    /** One stored envelope and its place in arrival order. */
    public record Entry(long position, EventEnvelope envelope) {}

    /** One stored envelope as JSON, not decoded yet: decoding is most of a rebuild's work, spread over threads. */
    public record Stored(long position, String json) {

        public Entry decoded() {
            return new Entry(position, decode(json));
        }
    }

    private final JdbcClient jdbc;

    EventLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void project(EventEnvelope envelope) {
        Object payload = envelope.payload();
        Subjects subjects = SUBJECTS.get(payload.getClass());
        jdbc.sql("""
                        insert into event_log(event_id, type, aggregate_id, sequence, occurred_at, actor,
                                              cycle_id, objective_id, key_result_id, envelope)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
                        on conflict (event_id) do nothing""")
                .params(
                        envelope.eventId(),
                        envelope.type(),
                        envelope.aggregateId(),
                        envelope.sequence(),
                        OffsetDateTime.ofInstant(envelope.occurredAt(), ZoneOffset.UTC),
                        envelope.actor(),
                        subjects.cycle(payload),
                        subjects.objective(payload),
                        subjects.keyResult(payload),
                        new String(EventCodec.encode(envelope), StandardCharsets.UTF_8))
                .update();
    }

    public long lastPosition() {
        return jdbc.sql("select coalesce(max(position), 0) from event_log")
                .query(Long.class)
                .single();
    }

    public long countAfter(long position) {
        return jdbc.sql("select count(*) from event_log where position > ?")
                .param(position)
                .query(Long.class)
                .single();
    }

    /** The next {@code limit} entries after {@code position}, in arrival order. */
    public List<Entry> after(long position, int limit) {
        return storedAfter(position, limit).stream().map(Stored::decoded).toList();
    }

    /** As {@link #after}, not decoded. */
    public List<Stored> storedAfter(long position, int limit) {
        return jdbc.sql(
                        "select position, envelope::text as json from event_log where position > ? order by position limit ?")
                .params(position, limit)
                .query((rs, n) -> new Stored(rs.getLong("position"), rs.getString("json")))
                .list();
    }

    List<Entry> ofObjective(UUID objectiveId) {
        return jdbc.sql("""
                        select position, envelope::text as json from event_log
                         where objective_id = ? order by occurred_at, position""")
                .param(objectiveId)
                .query((rs, n) -> new Entry(rs.getLong("position"), decode(rs.getString("json"))))
                .list();
    }

    public List<Entry> ofKeyResult(UUID keyResultId) {
        return jdbc.sql("""
                        select position, envelope::text as json from event_log
                         where key_result_id = ? order by occurred_at, position""")
                .param(keyResultId)
                .query((rs, n) -> new Entry(rs.getLong("position"), decode(rs.getString("json"))))
                .list();
    }

    private static EventEnvelope decode(String json) {
        return EventCodec.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The payload's {@code cycleId}, {@code objectiveId} and {@code keyResultId} components, found once
     * per event type: a new event type is indexed without code, and no event is turned into a JSON
     * tree just to read three fields (it was a third of the query service's intake CPU with the encoding).
     */
    private record Subjects(Method cycleId, Method objectiveId, Method keyResultId) {

        static Subjects of(Class<?> type) {
            return new Subjects(
                    component(type, "cycleId"), component(type, "objectiveId"), component(type, "keyResultId"));
        }

        UUID cycle(Object payload) {
            return read(cycleId, payload);
        }

        UUID objective(Object payload) {
            return read(objectiveId, payload);
        }

        UUID keyResult(Object payload) {
            return read(keyResultId, payload);
        }

        private static Method component(Class<?> type, String name) {
            if (!type.isRecord()) {
                return null;
            }
            return Arrays.stream(type.getRecordComponents())
                    .filter(c -> c.getName().equals(name))
                    .map(RecordComponent::getAccessor)
                    .findFirst()
                    .orElse(null);
        }

        private static UUID read(Method accessor, Object payload) {
            if (accessor == null) {
                return null;
            }
            try {
                Object value = accessor.invoke(payload);
                return value == null ? null : value instanceof UUID id ? id : UUID.fromString(value.toString());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + accessor.getName() + " of " + payload.getClass(), e);
            }
        }
    }

    private static final ClassValue<Subjects> SUBJECTS = new ClassValue<>() {
        @Override
        protected Subjects computeValue(Class<?> type) {
            return Subjects.of(type);
        }
    };
}
