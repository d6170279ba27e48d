package dev.okrledger.query.audit;

import dev.okrledger.contract.event.EventCodec;
import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.intake.EventProjection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The append-only copy of every envelope taken in. Subjects (cycle, objective, key result) are read
 * from the payload by field name, so event types added later are indexed without code here.
 */
@Component
public class EventLog implements EventProjection {

    /** One stored envelope and its place in arrival order. */
    public record Entry(long position, EventEnvelope envelope) {
    }

    private final JdbcClient jdbc;

    EventLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void project(EventEnvelope envelope) {
        JsonNode payload = EventCodec.mapper().valueToTree(envelope.payload());
        jdbc.sql("""
                        insert into event_log(event_id, type, aggregate_id, sequence, occurred_at, actor,
                                              cycle_id, objective_id, key_result_id, envelope)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
                        on conflict (event_id) do nothing""")
                .params(envelope.eventId(), envelope.type(), envelope.aggregateId(), envelope.sequence(),
                        OffsetDateTime.ofInstant(envelope.occurredAt(), ZoneOffset.UTC), envelope.actor(),
                        uuid(payload, "cycleId"), uuid(payload, "objectiveId"), uuid(payload, "keyResultId"),
                        new String(EventCodec.encode(envelope), StandardCharsets.UTF_8))
                .update();
    }

    public long lastPosition() {
        return jdbc.sql("select coalesce(max(position), 0) from event_log").query(Long.class).single();
    }

    public long countAfter(long position) {
        return jdbc.sql("select count(*) from event_log where position > ?").param(position).query(Long.class).single();
    }

    /** The next {@code limit} entries after {@code position}, in arrival order. */
    public List<Entry> after(long position, int limit) {
        return jdbc.sql("select position, envelope::text as json from event_log where position > ? order by position limit ?")
                .params(position, limit)
                .query((rs, n) -> new Entry(rs.getLong("position"), decode(rs.getString("json"))))
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

    private static UUID uuid(JsonNode payload, String field) {
        JsonNode value = payload == null ? null : payload.get(field);
        return value == null || value.isNull() ? null : UUID.fromString(value.asString());
    }
}
