package dev.okrledger.intake;

import dev.okrledger.contract.event.EventCodec;
import dev.okrledger.contract.event.EventEnvelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes records from {@code okr.events} into a service: decodes the envelope, claims its
 * (aggregate id, sequence) position and applies the projections, all in one database transaction.
 * A redelivered or replayed event finds its position already claimed and changes nothing, so
 * at-least-once delivery becomes exactly-once effect.
 *
 * <p>Needs the table {@code applied_position(aggregate_id varchar primary key, last_sequence bigint)}
 * in the service's own database.
 */
public class EventIntake {

    private static final Logger log = LoggerFactory.getLogger(EventIntake.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final List<EventProjection> projections;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter unknown;

    public EventIntake(JdbcClient jdbc, TransactionTemplate transactions, List<EventProjection> projections,
                       MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.projections = List.copyOf(projections);
        this.applied = Counter.builder("okr.intake.events").tag("outcome", "applied").register(meters);
        this.duplicates = Counter.builder("okr.intake.events").tag("outcome", "duplicate").register(meters);
        this.unknown = Counter.builder("okr.intake.events").tag("outcome", "unknown-type").register(meters);
    }

    public void accept(EventEnvelope envelope) {
        acceptAll(List.of(envelope));
    }

    /**
     * Takes in one poll's records in a single transaction (one commit, not one per event). Records
     * that are not envelopes are logged and skipped; any other failure rolls the whole batch back,
     * and the caller redelivers it: positions already claimed make the redelivery harmless.
     */
    public void acceptBatch(List<ConsumerRecord<String, byte[]>> records) {
        List<EventEnvelope> envelopes = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                envelopes.add(EventCodec.decode(record.value()));
            } catch (IllegalArgumentException poison) {
                log.error("Skipping record at {}-{}@{} that is not an event envelope",
                        record.topic(), record.partition(), record.offset(), poison);
            }
        }
        acceptAll(envelopes);
    }

    private void acceptAll(List<EventEnvelope> envelopes) {
        int[] outcome = new int[3];
        transactions.executeWithoutResult(status -> {
            java.util.Arrays.fill(outcome, 0);
            for (EventEnvelope envelope : envelopes) {
                if (!envelope.isKnown()) {
                    log.debug("Skipping event of unknown type {} ({})", envelope.type(), envelope.eventId());
                    outcome[2]++;
                } else if (claim(envelope)) {
                    projections.forEach(p -> p.project(envelope));
                    outcome[0]++;
                } else {
                    outcome[1]++;
                }
            }
        });
        applied.increment(outcome[0]);
        duplicates.increment(outcome[1]);
        unknown.increment(outcome[2]);
    }

    /** True when this event is the next one of its aggregate seen here; false for a repeat. */
    private boolean claim(EventEnvelope envelope) {
        return jdbc.sql("""
                        insert into applied_position(aggregate_id, last_sequence) values (?, ?)
                        on conflict (aggregate_id) do update set last_sequence = excluded.last_sequence
                        where applied_position.last_sequence < excluded.last_sequence""")
                .params(envelope.aggregateId(), envelope.sequence())
                .update() == 1;
    }
}
