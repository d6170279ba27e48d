package dev.okrledger.intake;

import dev.okrledger.contract.event.EventEnvelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes records from {@code okr.events} into a service: decodes the envelope, claims its
 * (aggregate id, sequence) position and applies the projections, all in one database transaction.
 * A redelivered or replayed event finds its position already claimed and changes nothing, so
 * at-least-once delivery becomes exactly-once effect. An event of a type this build does not know is
 * never skipped: its partition stops there ({@link UnknownEventType}) until a build that knows it takes over.
 *
 * <p>Needs the table {@code applied_position(aggregate_id varchar primary key, last_sequence bigint)}
 * in the service's own database.
 */
public class EventIntake {

    private static final Logger log = LoggerFactory.getLogger(EventIntake.class);

    /** Up to this many events a poll claims one statement each; more take three statements in all. */
    static final int SMALL_BATCH = 3;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final List<EventProjection> projections;
    private final EventDecoder decoder;
    private final StoppedPartitions stopped;
    private final Counter applied;
    private final Counter duplicates;

    public EventIntake(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            List<EventProjection> projections,
            MeterRegistry meters) {
        this(jdbc, transactions, projections, meters, EventDecoder.CONTRACT, "this service");
    }

    /** @param service the consuming service's name, for the log line of a stopped partition */
    public EventIntake(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            List<EventProjection> projections,
            MeterRegistry meters,
            EventDecoder decoder,
            String service) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.projections = List.copyOf(projections);
        this.decoder = decoder;
        this.stopped = new StoppedPartitions(service, meters);
        this.applied =
                Counter.builder("okr.intake.events").tag("outcome", "applied").register(meters);
        this.duplicates =
                Counter.builder("okr.intake.events").tag("outcome", "duplicate").register(meters);
    }

    /** Takes in one event; one of a type this build does not know is refused, never skipped. */
    public void accept(EventEnvelope envelope) {
        if (!envelope.isKnown()) {
            throw new IllegalArgumentException("Event type " + envelope.type() + " is unknown to this build");
        }
        acceptAll(List.of(envelope));
    }

    /**
     * Takes in one poll's records in a single transaction (one commit, not one per event). Records
     * that are not envelopes are logged and skipped. At an event of a type this build does not know
     * the records before it are taken in and {@link UnknownEventType} is thrown for it: the listener's
     * error handler commits those and holds its partition there. Any other failure rolls the whole
     * batch back, and the caller redelivers it: positions already claimed make the redelivery harmless.
     */
    public void acceptBatch(List<ConsumerRecord<String, byte[]>> records) {
        List<EventEnvelope> envelopes = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            EventEnvelope envelope;
            try {
                envelope = decoder.decode(record.value());
            } catch (IllegalArgumentException poison) {
                log.error(
                        "Skipping record at {}-{}@{} that is not an event envelope",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        poison);
                continue;
            }
            if (!envelope.isKnown()) {
                acceptAll(envelopes);
                stopped.passed(records.subList(0, i));
                throw stopped.stop(record, envelope);
            }
            envelopes.add(envelope);
        }
        acceptAll(envelopes);
        stopped.passed(records);
    }

    /** The partitions left this consumer (a rebalance): a stop there is no longer this instance's. */
    public void partitionsRevoked(Collection<TopicPartition> partitions) {
        stopped.revoked(partitions);
    }

    /** Applies the envelopes, all of known types, in one transaction. */
    private void acceptAll(List<EventEnvelope> envelopes) {
        if (envelopes.isEmpty()) {
            return;
        }
        int[] outcome = new int[2];
        transactions.executeWithoutResult(status -> {
            outcome[0] = 0;
            for (EventEnvelope envelope : claimed(envelopes)) {
                projections.forEach(p -> p.project(envelope));
                outcome[0]++;
            }
            outcome[1] = envelopes.size() - outcome[0];
        });
        applied.increment(outcome[0]);
        duplicates.increment(outcome[1]);
    }

    /**
     * The envelopes whose position this transaction claims, in their order: each one the next of its
     * aggregate, later than what was taken in before and than the batch's earlier events of it. A few
     * events are claimed one statement each; a larger poll in three (make its aggregates' rows exist,
     * lock and read them, write the new positions), whatever its size.
     */
    private List<EventEnvelope> claimed(List<EventEnvelope> envelopes) {
        if (envelopes.size() <= SMALL_BATCH) {
            return envelopes.stream().filter(this::claim).toList();
        }
        // sorted: two transactions claiming the same aggregates (a rebalance) lock them in the same order
        String[] aggregates = envelopes.stream()
                .map(EventEnvelope::aggregateId)
                .distinct()
                .sorted()
                .toArray(String[]::new);
        // a row per aggregate first, so the locking read below sees (and waits for) every concurrent claim
        jdbc.sql("""
                        insert into applied_position(aggregate_id, last_sequence)
                        select a, -1 from unnest(cast(? as varchar[])) as a
                        on conflict (aggregate_id) do nothing""").param(aggregates).update();
        Map<String, Long> last = new HashMap<>();
        jdbc.sql("""
                        select aggregate_id, last_sequence from applied_position where aggregate_id = any(?)
                         order by aggregate_id for update""")
                .param(aggregates)
                .query((rs, n) -> last.put(rs.getString(1), rs.getLong(2)))
                .list();
        List<EventEnvelope> claimed = new ArrayList<>();
        Map<String, Long> claims = new HashMap<>();
        for (EventEnvelope envelope : envelopes) {
            if (envelope.sequence() > last.get(envelope.aggregateId())) {
                last.put(envelope.aggregateId(), envelope.sequence());
                claims.put(envelope.aggregateId(), envelope.sequence());
                claimed.add(envelope);
            }
        }
        if (!claims.isEmpty()) {
            List<String> ids = List.copyOf(claims.keySet());
            jdbc.sql("""
                            update applied_position p set last_sequence = v.s
                              from unnest(cast(? as varchar[]), cast(? as bigint[])) as v(a, s)
                             where p.aggregate_id = v.a""")
                    .params(
                            ids.toArray(String[]::new),
                            ids.stream().map(claims::get).toArray(Long[]::new))
                    .update();
        }
        return claimed;
    }

    /** True when this event is the next one of its aggregate seen here; false for a repeat. */
    private boolean claim(EventEnvelope envelope) {
        return jdbc.sql("""
                        insert into applied_position(aggregate_id, last_sequence) values (?, ?)
                        on conflict (aggregate_id) do update set last_sequence = excluded.last_sequence
                        where applied_position.last_sequence < excluded.last_sequence""").params(envelope.aggregateId(), envelope.sequence()).update() == 1;
    }
}
