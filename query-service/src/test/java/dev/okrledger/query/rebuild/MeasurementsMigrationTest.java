package dev.okrledger.query.rebuild;

import dev.okrledger.contract.event.EventCodec;
import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.contract.event.MeasurementRecorded;
import dev.okrledger.embedded.SharedTestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database projected before V6 has measurements in its event log only: the migration projects them,
 * and the latest value in effective order becomes the key result's value unless a check-in is later.
 */
class MeasurementsMigrationTest {

    private static final Instant MONDAY = Instant.parse("2026-05-04T06:00:00Z");

    @Test
    void measurementsLoggedBeforeV6AreProjectedAndTakeTheValueWhenLatest() {
        DriverManagerDataSource db =
                new DriverManagerDataSource(SharedTestInfrastructure.freshDatabase("query_v6"), "postgres", "");
        Flyway.configure()
                .dataSource(db)
                .locations("classpath:db/query")
                .target("5")
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(db);
        UUID measuredLater = keyResult(jdbc, new BigDecimal("10"), MONDAY);
        UUID checkedInLater = keyResult(jdbc, new BigDecimal("20"), MONDAY.plusSeconds(3600));
        log(jdbc, measuredLater, 3, MONDAY.plusSeconds(60), "11");
        log(jdbc, measuredLater, 4, MONDAY.plusSeconds(120), "12");
        log(jdbc, checkedInLater, 3, MONDAY.plusSeconds(60), "19");

        Flyway.configure().dataSource(db).locations("classpath:db/query").load().migrate();

        assertThat(jdbc.sql("select count(*) from measurement_history")
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertThat(jdbc.sql("select source from measurement_history limit 1")
                        .query(String.class)
                        .single())
                .isEqualTo("warehouse");
        assertThat(value(jdbc, measuredLater)).isEqualTo("12 true");
        assertThat(value(jdbc, checkedInLater)).isEqualTo("20 false");
    }

    /** A key result as V5 left it: its latest check-in's value at {@code checkedInAt}. */
    private static UUID keyResult(JdbcClient jdbc, BigDecimal value, Instant checkedInAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into key_result_view(key_result_id, objective_id, cycle_id, title, unit, baseline, target,
                                                    indicator, owner, current_value, confidence, last_effective_at)
                        values (?, ?, ?, 'kr', '%', 0, 100, 'LEADING', 'ana', ?, 7, ?)""")
                .params(id, UUID.randomUUID(), UUID.randomUUID(), value, Timestamp.from(checkedInAt))
                .update();
        return id;
    }

    private static void log(JdbcClient jdbc, UUID keyResultId, long sequence, Instant observedAt, String value) {
        MeasurementRecorded event = new MeasurementRecorded(
                keyResultId, UUID.randomUUID(), UUID.randomUUID(), new BigDecimal(value), observedAt, "warehouse");
        EventEnvelope envelope = new EventEnvelope(
                UUID.randomUUID().toString(),
                "MeasurementRecorded",
                "1",
                "KeyResult",
                keyResultId.toString(),
                sequence,
                observedAt.plusSeconds(5),
                "okr.measurements",
                "warehouse",
                UUID.randomUUID().toString(),
                event);
        jdbc.sql("""
                        insert into event_log(event_id, type, aggregate_id, sequence, occurred_at, actor, key_result_id,
                                              envelope)
                        values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(
                        envelope.eventId(),
                        envelope.type(),
                        envelope.aggregateId(),
                        sequence,
                        Timestamp.from(envelope.occurredAt()),
                        envelope.actor(),
                        keyResultId,
                        new String(EventCodec.encode(envelope), StandardCharsets.UTF_8))
                .update();
    }

    private static String value(JdbcClient jdbc, UUID keyResultId) {
        return jdbc.sql("select current_value, value_measured from key_result_view where key_result_id = ?")
                .param(keyResultId)
                .query((rs, n) -> rs.getBigDecimal(1).stripTrailingZeros().toPlainString() + " " + rs.getBoolean(2))
                .single();
    }
}
