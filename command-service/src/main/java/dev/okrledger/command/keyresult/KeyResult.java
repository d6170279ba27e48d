package dev.okrledger.command.keyresult;

import dev.okrledger.command.directory.CycleFacts;
import dev.okrledger.command.directory.CycleFacts.CycleStatus;
import dev.okrledger.command.directory.ObjectiveFacts;
import dev.okrledger.command.initiative.InitiativeCommands.AddInitiative;
import dev.okrledger.command.initiative.InitiativeCommands.InitiativeChange;
import dev.okrledger.command.initiative.Initiatives;
import dev.okrledger.command.keyresult.KeyResultEdits.ChangeKeyResultOwner;
import dev.okrledger.command.keyresult.KeyResultEdits.ChangeKeyResultTarget;
import dev.okrledger.command.keyresult.KeyResultEdits.DropKeyResult;
import dev.okrledger.command.keyresult.KeyResultEdits.RewordKeyResult;
import dev.okrledger.command.shared.InvalidInput;
import dev.okrledger.command.shared.StateConflict;
import dev.okrledger.contract.event.KeyResultDefined;
import dev.okrledger.contract.event.KeyResultDropped;
import dev.okrledger.contract.event.KeyResultGraded;
import dev.okrledger.contract.event.KeyResultOwnerChanged;
import dev.okrledger.contract.event.KeyResultReworded;
import dev.okrledger.contract.event.KeyResultTargetChanged;
import dev.okrledger.contract.policy.OkrPolicy;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Measurable evidence for one objective: its {@link KeyResultDefinition} and the edits to it, and
 * its grade at cycle close. Its {@link Readings} (check-ins and measurements) and its
 * {@link Initiatives} are entities with their own rules; the key result decides whether they may
 * change at all, and gives them what they need to know of it as data.
 * <p>
 * Snapshots hold these fields and those of the entities as they are: raise the {@link Revision}
 * whenever they change shape, so older snapshots are passed over and the key result is rebuilt from
 * its events.
 */
@Aggregate(snapshotTriggerDefinition = "keyResultSnapshotTrigger", cache = "keyResultCache")
@Revision("4")
public class KeyResult {

    @AggregateIdentifier
    private UUID keyResultId;

    private UUID objectiveId;
    private UUID cycleId;
    private String title;
    private String owner;
    private KeyResultDefinition definition;
    private boolean dropped;
    private boolean graded;

    @AggregateMember
    private Readings readings = new Readings();

    @AggregateMember
    private Initiatives initiatives = new Initiatives();

    protected KeyResult() {
        // for Axon
    }

    KeyResult(DefineKeyResult command, ObjectiveFacts objective, CycleFacts cycle) {
        if (cycle.status() == CycleStatus.CLOSED) {
            throw new StateConflict("cycle-not-closed", "Key results cannot be added in a closed cycle");
        }
        if (objective.retired()) {
            throw new StateConflict("objective-not-retired", "Key results cannot be added to a retired objective");
        }
        KeyResultDefinition asked = KeyResultDefinition.of(command, cycle);
        apply(new KeyResultDefined(
                command.keyResultId(),
                command.objectiveId(),
                objective.cycleId(),
                command.title(),
                asked.unit(),
                asked.baseline(),
                asked.target(),
                command.indicator(),
                command.owner(),
                asked.kind(),
                command.measurement(),
                asked.milestones(),
                asked.checkpoints()));
    }

    CheckInOutcome.Status recordCheckIn(RecordCheckIn command, CycleFacts cycle, Instant now, OkrPolicy policy) {
        return readings.checkIn(command, definition, new ReadingGuard(dropped, cycle, now), policy);
    }

    CheckInOutcome.Status recordMeasurement(RecordMeasurement command, CycleFacts cycle, Instant now) {
        return readings.measurement(command, definition, new ReadingGuard(dropped, cycle, now));
    }

    void reword(RewordKeyResult command, CycleFacts cycle) {
        requireEditable(cycle);
        if (command.title().equals(title)) {
            throw new InvalidInput("edit-changes-something", "title", "The new title is the current title");
        }
        apply(new KeyResultReworded(keyResultId, objectiveId, title, command.title(), command.reason()));
    }

    void changeTarget(ChangeKeyResultTarget command, CycleFacts cycle) {
        requireEditable(cycle);
        definition.requireTargetAllowed(command.target());
        if (command.target().compareTo(definition.target()) == 0) {
            throw new InvalidInput("edit-changes-something", "target", "The new target is the current target");
        }
        apply(new KeyResultTargetChanged(
                keyResultId, objectiveId, definition.target(), command.target(), command.reason()));
    }

    void changeOwner(ChangeKeyResultOwner command, CycleFacts cycle) {
        requireEditable(cycle);
        if (command.owner().equals(owner)) {
            throw new InvalidInput("edit-changes-something", "owner", "The new owner is the current owner");
        }
        apply(new KeyResultOwnerChanged(keyResultId, objectiveId, owner, command.owner(), command.reason()));
    }

    void drop(DropKeyResult command, CycleFacts cycle) {
        requireEditable(cycle);
        apply(new KeyResultDropped(keyResultId, objectiveId, command.reason()));
    }

    /**
     * At cycle close: the score is the progress of the last value in effective order, from a
     * check-in or a measurement (0 without either).
     */
    public void grade() {
        if (dropped || graded) {
            return;
        }
        Optional<BigDecimal> last = readings.lastValue();
        apply(new KeyResultGraded(keyResultId, objectiveId, cycleId, last.orElse(null), definition.scoreOf(last)));
    }

    /** Initiatives change only while the key result is open and its cycle not closed. */
    void addInitiative(AddInitiative command, CycleFacts cycle) {
        requireEditable(cycle);
        initiatives.add(keyResultId, objectiveId, command);
    }

    /** The initiative decides the change, knowing the key result's check-ins (a pivot may name one). */
    void changeInitiative(InitiativeChange change, CycleFacts cycle) {
        requireEditable(cycle);
        initiatives.change(change, readings.checkInIds());
    }

    /** The refusal of any change to a dropped key result: an edit, an initiative's or a new reading. */
    static StateConflict droppedRefusal() {
        return new StateConflict("key-result-not-dropped", "This key result was dropped");
    }

    private void requireEditable(CycleFacts cycle) {
        if (dropped) {
            throw droppedRefusal();
        }
        if (cycle.status() == CycleStatus.CLOSED) {
            throw new StateConflict("cycle-not-closed", "The cycle is closed; its key results are final");
        }
    }

    @EventSourcingHandler
    void on(KeyResultDefined event) {
        keyResultId = event.keyResultId();
        objectiveId = event.objectiveId();
        cycleId = event.cycleId();
        title = event.title();
        owner = event.owner();
        definition = KeyResultDefinition.from(event);
    }

    @EventSourcingHandler
    void on(KeyResultReworded event) {
        title = event.toTitle();
    }

    @EventSourcingHandler
    void on(KeyResultTargetChanged event) {
        definition = definition.withTarget(event.toTarget());
    }

    @EventSourcingHandler
    void on(KeyResultOwnerChanged event) {
        owner = event.toOwner();
    }

    @EventSourcingHandler
    void on(KeyResultDropped event) {
        dropped = true;
    }

    @EventSourcingHandler
    void on(KeyResultGraded event) {
        graded = true;
    }
}
