package dev.okrledger.query.cycle;

import dev.okrledger.contract.event.CycleActivated;
import dev.okrledger.contract.event.CycleClosed;
import dev.okrledger.contract.event.CyclePlanned;
import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.query.intake.ReadModelProjection;
import dev.okrledger.query.intake.ReadModelWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Cycles as dashboards see them: window, cadence, status and when each status began. */
@Component
class CycleProjection extends ReadModelProjection {

    CycleProjection(JdbcClient jdbc) {
        super(jdbc);
    }

    @Override
    public void project(EventEnvelope envelope, ReadModelWrites writes) {
        if (envelope.payload() instanceof CyclePlanned e) {
            writes.update(
                    """
                            insert into cycle_view(cycle_id, name, starts_on, ends_on, cadence, status, planned_at)
                            values (?, ?, ?, ?, ?, 'PLANNING', ?)""",
                    e.cycleId(),
                    e.name(),
                    e.startsOn(),
                    e.endsOn(),
                    e.cadence().name(),
                    at(envelope));
        } else if (envelope.payload() instanceof CycleActivated e) {
            writes.update(
                    "update cycle_view set status = 'ACTIVE', activated_at = ? where cycle_id = ?",
                    at(envelope),
                    e.cycleId());
        } else if (envelope.payload() instanceof CycleClosed e) {
            writes.update(
                    "update cycle_view set status = 'CLOSED', closed_at = ? where cycle_id = ?",
                    at(envelope),
                    e.cycleId());
        }
    }

    /** When the change became known: time travel shows a cycle's status as it was then. */
    private static OffsetDateTime at(EventEnvelope envelope) {
        return OffsetDateTime.ofInstant(envelope.occurredAt(), ZoneOffset.UTC);
    }
}
