package dev.okrledger.query.cycle;

import dev.okrledger.contract.event.CycleActivated;
import dev.okrledger.contract.event.CycleClosed;
import dev.okrledger.contract.event.CyclePlanned;
import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.intake.EventProjection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Cycles as dashboards see them: window, cadence and status. */
@Component
class CycleProjection implements EventProjection {

    private final JdbcClient jdbc;

    CycleProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void project(EventEnvelope envelope) {
        if (envelope.payload() instanceof CyclePlanned e) {
            jdbc.sql("""
                            insert into cycle_view(cycle_id, name, starts_on, ends_on, cadence, status)
                            values (?, ?, ?, ?, ?, 'PLANNING')""")
                    .params(e.cycleId(), e.name(), e.startsOn(), e.endsOn(), e.cadence().name())
                    .update();
        } else if (envelope.payload() instanceof CycleActivated e) {
            jdbc.sql("update cycle_view set status = 'ACTIVE' where cycle_id = ?").param(e.cycleId()).update();
        } else if (envelope.payload() instanceof CycleClosed e) {
            jdbc.sql("update cycle_view set status = 'CLOSED' where cycle_id = ?").param(e.cycleId()).update();
        }
    }
}
