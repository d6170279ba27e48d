package dev.okrledger.command.objective;

import dev.okrledger.command.directory.CycleFacts;
import dev.okrledger.command.directory.CycleFacts.CycleStatus;
import dev.okrledger.command.directory.ObjectiveFacts;
import dev.okrledger.command.web.InvalidInput;
import dev.okrledger.command.web.StateConflict;
import dev.okrledger.contract.event.ObjectiveDefined;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A qualitative outcome for one cycle, owned by a team, optionally aligned to a parent objective. */
@Aggregate
public class Objective {

    @AggregateIdentifier
    private UUID objectiveId;

    protected Objective() {
        // for Axon
    }

    /**
     * @param cycle  the facts of the command's cycle
     * @param parent the facts of the parent objective, or null when there is none
     */
    Objective(DefineObjective command, CycleFacts cycle, ObjectiveFacts parent) {
        if (cycle.status() == CycleStatus.CLOSED) {
            throw new StateConflict("cycle-not-closed", "Objectives cannot be added to a closed cycle");
        }
        if (parent != null && !parent.cycleId().equals(command.cycleId())) {
            throw new InvalidInput("parent-in-same-cycle", "parentObjectiveId",
                    "A parent objective must belong to the same cycle");
        }
        apply(new ObjectiveDefined(command.objectiveId(), command.cycleId(), command.title(), command.level(),
                command.team(), command.parentObjectiveId()));
    }

    @EventSourcingHandler
    void on(ObjectiveDefined event) {
        objectiveId = event.objectiveId();
    }
}
