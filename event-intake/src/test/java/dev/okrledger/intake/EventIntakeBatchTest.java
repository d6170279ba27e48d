package dev.okrledger.intake;

import dev.okrledger.contract.event.CycleActivated;
import dev.okrledger.contract.event.EventCodec;
import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.embedded.SharedTestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** A poll larger than {@link EventIntake#SMALL_BATCH} claims its positions in three statements, with the same outcome. */
class EventIntakeBatchTest {

    private final List<EventEnvelope> projected = new ArrayList<>();
    private JdbcClient jdbc;
    private EventIntake intake;
    private long offset;

    @BeforeEach
    void freshDatabase() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(SharedTestInfrastructure.freshDatabase("intake_batch"));
        dataSource.setUser("postgres");
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("create table applied_position(aggregate_id varchar(255) primary key, last_sequence bigint not null)")
                .update();
        intake = new EventIntake(
                jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                List.of(projected::add),
                new SimpleMeterRegistry());
    }

    @Test
    void aPollWithRepeatsAndOlderEventsAppliesEachEventOnceInOrder() {
        intake.acceptBatch(records(event("agg-1", 0), event("agg-2", 0)));
        projected.clear();

        // a republished prefix (agg-1 0), events new here, a repeat inside the poll and an older one after a newer
        intake.acceptBatch(records(
                event("agg-1", 0),
                event("agg-1", 1),
                event("agg-3", 0),
                event("agg-1", 2),
                event("agg-1", 1),
                event("agg-2", 1),
                event("agg-3", 0)));

        assertThat(projected)
                .extracting(EventEnvelope::aggregateId, EventEnvelope::sequence)
                .containsExactly(tuple("agg-1", 1L), tuple("agg-3", 0L), tuple("agg-1", 2L), tuple("agg-2", 1L));
        assertThat(positions()).containsExactlyInAnyOrder(tuple("agg-1", 2L), tuple("agg-2", 1L), tuple("agg-3", 0L));
    }

    @Test
    void aPollOfOnlyRepeatsChangesNothing() {
        List<ConsumerRecord<String, byte[]>> poll =
                records(event("agg-1", 0), event("agg-1", 1), event("agg-1", 2), event("agg-2", 0));
        intake.acceptBatch(poll);
        projected.clear();

        intake.acceptBatch(poll);

        assertThat(projected).isEmpty();
        assertThat(positions()).containsExactlyInAnyOrder(tuple("agg-1", 2L), tuple("agg-2", 0L));
    }

    @Test
    void aPollStopsAtAnEventOfAnUnknownTypeAfterTakingInTheOnesBeforeIt() {
        EventEnvelope fromTheFuture = new EventEnvelope(
                UUID.randomUUID().toString(),
                "KeyResultArchived",
                "1",
                "KeyResult",
                "agg-1",
                1,
                Instant.now(),
                "a",
                "A",
                "c",
                null);
        List<ConsumerRecord<String, byte[]>> poll =
                records(event("agg-1", 0), event("agg-2", 0), fromTheFuture, event("agg-1", 2), event("agg-3", 0));

        assertThatThrownBy(() -> intake.acceptBatch(poll))
                .isInstanceOfSatisfying(
                        UnknownEventType.class,
                        stop -> assertThat(stop.record()).isSameAs(poll.get(2)));

        assertThat(projected)
                .extracting(EventEnvelope::aggregateId, EventEnvelope::sequence)
                .containsExactly(tuple("agg-1", 0L), tuple("agg-2", 0L));
        assertThat(positions()).containsExactlyInAnyOrder(tuple("agg-1", 0L), tuple("agg-2", 0L));
    }

    private List<Tuple> positions() {
        return jdbc.sql("select aggregate_id, last_sequence from applied_position")
                .query((rs, n) -> tuple(rs.getString(1), rs.getLong(2)))
                .list();
    }

    private List<ConsumerRecord<String, byte[]>> records(EventEnvelope... envelopes) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (EventEnvelope envelope : envelopes) {
            records.add(new ConsumerRecord<>(
                    "okr.events", 0, offset++, envelope.aggregateId(), EventCodec.encode(envelope)));
        }
        return records;
    }

    private static EventEnvelope event(String aggregate, long sequence) {
        return new EventEnvelope(
                UUID.randomUUID().toString(),
                "CycleActivated",
                "1",
                "Cycle",
                aggregate,
                sequence,
                Instant.now(),
                "a",
                "A",
                "c",
                new CycleActivated(UUID.randomUUID()));
    }
}
