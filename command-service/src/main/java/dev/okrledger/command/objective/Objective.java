package dev.okrledger.command.objective;

import dev.okrledger.command.directory.CycleFacts;
import dev.okrledger.command.directory.CycleFacts.CycleStatus;
import dev.okrledger.command.directory.ObjectiveFacts;
import dev.okrledger.command.objective.ObjectiveEdits.RealignObjective;
import dev.okrledger.command.objective.ObjectiveEdits.RecordRetrospective;
import dev.okrledger.command.objective.ObjectiveEdits.RetireObjective;
import dev.okrledger.command.objective.ObjectiveEdits.RewordObjective;
import dev.okrledger.command.shared.InvalidInput;
import dev.okrledger.command.shared.StateConflict;
import dev.okrledger.contract.event.ObjectiveDefined;
import dev.okrledger.contract.event.ObjectiveRealigned;
import dev.okrledger.contract.event.ObjectiveRetired;
import dev.okrledger.contract.event.ObjectiveRetrospectiveRecorded;
import dev.okrledger.contract.event.ObjectiveReworded;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A qualitative outcome for one cycle, owned by a team, optionally aligned to a parent objective. */
@Aggregate
public class Objective {

    @AggregateIdentifier
    private UUID objectiveId;

    private UUID cycleId;
    private String title;
    private UUID parentObjectiveId;
    private boolean retired;

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
        requireParentInCycle(parent, command.cycleId());
        apply(new ObjectiveDefined(
                command.objectiveId(),
                command.cycleId(),
                command.title(),
                command.level(),
                command.team(),
                command.parentObjectiveId()));
    }

    void reword(RewordObjective command, CycleFacts cycle) {
        requireEditable(cycle);
        if (command.title().equals(title)) {
            throw new InvalidInput("edit-changes-something", "title", "The new title is the current title");
        }
        apply(new ObjectiveReworded(objectiveId, title, command.title(), command.reason()));
    }

    /**
     * @param parent             the new parent's facts, or null for none
     * @param ancestorsOfParent  the new parent's own parents up to the root, nearest first
     */
    void realign(RealignObjective command, CycleFacts cycle, ObjectiveFacts parent, List<UUID> ancestorsOfParent) {
        requireEditable(cycle);
        requireParentInCycle(parent, cycleId);
        if (objectiveId.equals(command.parentObjectiveId()) || ancestorsOfParent.contains(objectiveId)) {
            throw new InvalidInput(
                    "alignment-without-loops",
                    "parentObjectiveId",
                    "Aligning to that objective would make the alignment tree a loop");
        }
        if (Objects.equals(command.parentObjectiveId(), parentObjectiveId)) {
            throw new InvalidInput("edit-changes-something", "parentObjectiveId", "The objective already aligns there");
        }
        apply(new ObjectiveRealigned(objectiveId, parentObjectiveId, command.parentObjectiveId(), command.reason()));
    }

    void retire(RetireObjective command, CycleFacts cycle) {
        requireEditable(cycle);
        apply(new ObjectiveRetired(objectiveId, command.reason()));
    }

    void recordRetrospective(RecordRetrospective command, CycleFacts cycle) {
        if (cycle.status() != CycleStatus.CLOSED) {
            throw new StateConflict(
                    "retrospective-after-close", "A retrospective note is recorded once the cycle is closed");
        }
        apply(new ObjectiveRetrospectiveRecorded(objectiveId, cycleId, command.note()));
    }

    private static void requireParentInCycle(ObjectiveFacts parent, UUID cycleId) {
        if (parent != null && !parent.cycleId().equals(cycleId)) {
            throw new InvalidInput(
                    "parent-in-same-cycle", "parentObjectiveId", "A parent objective must belong to the same cycle");
        }
    }

    private void requireEditable(CycleFacts cycle) {
        if (retired) {
            throw new StateConflict("objective-not-retired", "This objective was retired");
        }
        if (cycle.status() == CycleStatus.CLOSED) {
            throw new StateConflict("cycle-not-closed", "The cycle is closed; its objectives are final");
        }
    }

    @EventSourcingHandler
    void on(ObjectiveDefined event) {
        objectiveId = event.objectiveId();
        cycleId = event.cycleId();
        title = event.title();
        parentObjectiveId = event.parentObjectiveId();
    }

    @EventSourcingHandler
    void on(ObjectiveReworded event) {
        title = event.toTitle();
    }

    @EventSourcingHandler
    void on(ObjectiveRealigned event) {
        parentObjectiveId = event.toParentObjectiveId();
    }

    @EventSourcingHandler
    void on(ObjectiveRetired event) {
        retired = true;
    }
}
