package dev.okrledger.query.objective;

import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.contract.event.ObjectiveDefined;
import dev.okrledger.query.intake.ReadModelProjection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Objectives with level, team and alignment parent: the rows of the dashboard and the alignment tree. */
@Component
class ObjectiveProjection implements ReadModelProjection {

    private final JdbcClient jdbc;

    ObjectiveProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void project(EventEnvelope envelope) {
        if (envelope.payload() instanceof ObjectiveDefined e) {
            jdbc.sql("""
                            insert into objective_view(objective_id, cycle_id, title, level, team, parent_objective_id,
                                                       defined_at)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(e.objectiveId(), e.cycleId(), e.title(), e.level().name(), e.team(),
                            e.parentObjectiveId(), OffsetDateTime.ofInstant(envelope.occurredAt(), ZoneOffset.UTC))
                    .update();
        }
    }
}
