package dev.okrledger.intake;

import dev.okrledger.contract.event.CycleActivated;
import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.embedded.SharedTestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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

class EventIntakeTest {

    private final List<EventEnvelope> projected = new ArrayList<>();
    private JdbcClient jdbc;
    private TransactionTemplate transactions;

    @BeforeEach
    void freshDatabase() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(SharedTestInfrastructure.freshDatabase("intake"));
        dataSource.setUser("postgres");
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        jdbc.sql("create table applied_position(aggregate_id varchar(255) primary key, last_sequence bigint not null)")
                .update();
        jdbc.sql("create table seen(n int)").update();
    }

    private EventIntake intake(EventProjection... extra) {
        List<EventProjection> projections = new ArrayList<>(List.of(projected::add));
        projections.addAll(List.of(extra));
        return new EventIntake(jdbc, transactions, projections, new SimpleMeterRegistry());
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

    @Test
    void redeliveredAndOlderEventsOfAnAggregateAreAppliedOnce() {
        EventIntake intake = intake();
        EventEnvelope first = event("agg-1", 0);
        EventEnvelope second = event("agg-1", 1);
        intake.accept(first);
        intake.accept(second);
        intake.accept(second);
        intake.accept(first);
        intake.accept(event("agg-2", 0));
        assertThat(projected)
                .extracting(EventEnvelope::aggregateId, EventEnvelope::sequence)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("agg-1", 0L),
                        org.assertj.core.groups.Tuple.tuple("agg-1", 1L),
                        org.assertj.core.groups.Tuple.tuple("agg-2", 0L));
    }

    @Test
    void anEventOfAnUnknownTypeIsRefusedNotSkipped() {
        EventIntake intake = intake();
        EventEnvelope fromTheFuture = new EventEnvelope(
                UUID.randomUUID().toString(),
                "KeyResultArchived",
                "1",
                "KeyResult",
                "agg-1",
                0,
                Instant.now(),
                "a",
                "A",
                "c",
                null);
        assertThatThrownBy(() -> intake.accept(fromTheFuture))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KeyResultArchived");
        assertThat(projected).isEmpty();
        assertThat(jdbc.sql("select count(*) from applied_position")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aFailingProjectionLeavesNoTraceSoTheRedeliveryIsApplied() {
        boolean[] fail = {true};
        EventIntake intake = intake(envelope -> {
            jdbc.sql("insert into seen values (1)").update();
            if (fail[0]) {
                throw new IllegalStateException("database hiccup");
            }
        });
        EventEnvelope event = event("agg-1", 0);
        assertThatThrownBy(() -> intake.accept(event)).isInstanceOf(IllegalStateException.class);
        assertThat(jdbc.sql("select count(*) from seen").query(Integer.class).single())
                .isZero();
        fail[0] = false;
        intake.accept(event);
        assertThat(jdbc.sql("select count(*) from seen").query(Integer.class).single())
                .isEqualTo(1);
    }
}
