package dev.okrledger.query.objective;

import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.contract.event.ObjectiveDefined;
import dev.okrledger.contract.event.ObjectiveRealigned;
import dev.okrledger.contract.event.ObjectiveRetired;
import dev.okrledger.contract.event.ObjectiveRetrospectiveRecorded;
import dev.okrledger.contract.event.ObjectiveReworded;
import dev.okrledger.query.intake.ReadModelProjection;
import dev.okrledger.query.intake.ReadModelWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Objectives with level, team and alignment parent: the rows of the dashboard and the alignment tree.
 * Title and parent are the current ones (reworded, realigned); a retired objective keeps its row
 * with when and why it was retired. Retrospective notes are kept per objective.
 */
@Component
class ObjectiveProjection extends ReadModelProjection {

    ObjectiveProjection(JdbcClient jdbc) {
        super(jdbc);
    }

    @Override
    public void project(EventEnvelope envelope, ReadModelWrites writes) {
        OffsetDateTime at = OffsetDateTime.ofInstant(envelope.occurredAt(), ZoneOffset.UTC);
        Object payload = envelope.payload();
        if (payload instanceof ObjectiveDefined e) {
            writes.update(
                    """
                            insert into objective_view(objective_id, cycle_id, title, level, team, parent_objective_id,
                                                       defined_at)
                            values (?, ?, ?, ?, ?, ?, ?)""",
                    e.objectiveId(),
                    e.cycleId(),
                    e.title(),
                    e.level().name(),
                    e.team(),
                    e.parentObjectiveId(),
                    at);
        } else if (payload instanceof ObjectiveReworded e) {
            writes.update("update objective_view set title = ? where objective_id = ?", e.toTitle(), e.objectiveId());
        } else if (payload instanceof ObjectiveRealigned e) {
            writes.update(
                    "update objective_view set parent_objective_id = ? where objective_id = ?",
                    e.toParentObjectiveId(),
                    e.objectiveId());
        } else if (payload instanceof ObjectiveRetired e) {
            writes.update(
                    "update objective_view set retired_at = ?, retired_reason = ? where objective_id = ?",
                    at,
                    e.reason(),
                    e.objectiveId());
        } else if (payload instanceof ObjectiveRetrospectiveRecorded e) {
            writes.update("""
                            insert into objective_retrospective_note(event_id, objective_id, cycle_id, recorded_at,
                                                                     actor, note)
                            values (?, ?, ?, ?, ?, ?)""", envelope.eventId(), e.objectiveId(), e.cycleId(), at, envelope.actor(), e.note());
        }
    }
}
