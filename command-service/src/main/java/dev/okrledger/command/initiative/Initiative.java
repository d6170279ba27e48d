package dev.okrledger.command.initiative;

import dev.okrledger.command.initiative.InitiativeCommands.AddInitiative;
import dev.okrledger.command.initiative.InitiativeCommands.CompleteInitiative;
import dev.okrledger.command.initiative.InitiativeCommands.InitiativeChange;
import dev.okrledger.command.initiative.InitiativeCommands.PivotInitiative;
import dev.okrledger.command.initiative.InitiativeCommands.StartInitiative;
import dev.okrledger.command.initiative.InitiativeCommands.StopInitiative;
import dev.okrledger.command.shared.InvalidInput;
import dev.okrledger.command.shared.StateConflict;
import dev.okrledger.contract.event.InitiativeAdded;
import dev.okrledger.contract.event.InitiativeCompleted;
import dev.okrledger.contract.event.InitiativePivoted;
import dev.okrledger.contract.event.InitiativeStarted;
import dev.okrledger.contract.event.InitiativeStatus;
import dev.okrledger.contract.event.InitiativeStopped;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Work chosen to move a key result: an entity of the key result's aggregate (kept by
 * {@link Initiatives}). It keeps its own rules, the moves between PLANNED, ACTIVE, DONE and STOPPED
 * and the pivot of its approach; the key result decides first whether its initiatives may change at all.
 */
public class Initiative {

    @EntityId
    private UUID initiativeId;

    private UUID keyResultId;
    private UUID objectiveId;
    private String approach;
    private InitiativeStatus status;

    private Initiative() {
        // for snapshots
    }

    /** The initiative as added; events about it reach it through its key result. */
    static Initiative from(InitiativeAdded event) {
        Initiative initiative = new Initiative();
        initiative.initiativeId = event.initiativeId();
        initiative.keyResultId = event.keyResultId();
        initiative.objectiveId = event.objectiveId();
        initiative.approach = event.approach();
        initiative.status = event.status();
        return initiative;
    }

    /** The event that adds an initiative to a key result: it starts PLANNED, or ACTIVE when not said. */
    static InitiativeAdded added(UUID keyResultId, UUID objectiveId, AddInitiative command) {
        InitiativeStatus status = command.status() == null ? InitiativeStatus.ACTIVE : command.status();
        if (status != InitiativeStatus.PLANNED && status != InitiativeStatus.ACTIVE) {
            throw new InvalidInput(
                    "initiative-starts-planned-or-active", "status", "A new initiative is PLANNED or ACTIVE");
        }
        return new InitiativeAdded(
                keyResultId, objectiveId, command.initiativeId(), command.title(), command.approach(), status);
    }

    /**
     * Decides a change: start, pivot, stop or complete.
     *
     * @param checkInsOfTheKeyResult the ids of its key result's check-ins; a pivot may name one as the
     *                               check-in that decided it
     */
    void decide(InitiativeChange change, Set<UUID> checkInsOfTheKeyResult) {
        if (change instanceof StartInitiative) {
            requireStatusIn(Set.of(InitiativeStatus.PLANNED), "start");
            apply(new InitiativeStarted(keyResultId, objectiveId, initiativeId));
        } else if (change instanceof PivotInitiative pivot) {
            pivot(pivot, checkInsOfTheKeyResult);
        } else if (change instanceof StopInitiative stop) {
            requireStatusIn(Set.of(InitiativeStatus.PLANNED, InitiativeStatus.ACTIVE), "stop");
            apply(new InitiativeStopped(keyResultId, objectiveId, initiativeId, stop.reason()));
        } else if (change instanceof CompleteInitiative) {
            requireStatusIn(Set.of(InitiativeStatus.ACTIVE), "complete");
            apply(new InitiativeCompleted(keyResultId, objectiveId, initiativeId));
        } else {
            // InitiativeChange is sealed: a new kind of change needs its branch here (a switch, on Java 21)
            throw new IllegalArgumentException("Unknown change " + change);
        }
    }

    private void pivot(PivotInitiative command, Set<UUID> checkInsOfTheKeyResult) {
        requireStatusIn(Set.of(InitiativeStatus.PLANNED, InitiativeStatus.ACTIVE), "pivot");
        if (command.checkInId() != null && !checkInsOfTheKeyResult.contains(command.checkInId())) {
            throw new InvalidInput(
                    "pivot-links-a-check-in-of-this-key-result",
                    "checkInId",
                    "No check-in " + command.checkInId() + " on this key result");
        }
        if (command.toApproach().equals(approach)) {
            throw new InvalidInput("edit-changes-something", "toApproach", "The new approach is the current approach");
        }
        apply(new InitiativePivoted(
                keyResultId,
                objectiveId,
                initiativeId,
                approach,
                command.toApproach(),
                command.reason(),
                command.checkInId()));
    }

    /** The rule is named after the move and the states it starts from, e.g. initiative-complete-from-active. */
    private void requireStatusIn(Set<InitiativeStatus> allowed, String action) {
        if (!allowed.contains(status)) {
            throw new StateConflict(
                    "initiative-" + action + "-from-"
                            + allowed.stream()
                                    .map(Enum::name)
                                    .sorted()
                                    .map(String::toLowerCase)
                                    .reduce((a, b) -> a + "-or-" + b)
                                    .orElse(""),
                    "Cannot " + action + " an initiative that is " + status);
        }
    }

    /**
     * Equal state, equal initiative: {@link Initiatives} keeps them in a map, and the aggregate
     * fixtures compare the state commands left with the state rebuilt from the events.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Initiative that
                && Objects.equals(initiativeId, that.initiativeId)
                && Objects.equals(keyResultId, that.keyResultId)
                && Objects.equals(objectiveId, that.objectiveId)
                && Objects.equals(approach, that.approach)
                && status == that.status;
    }

    @Override
    public int hashCode() {
        return Objects.hash(initiativeId, approach, status);
    }

    @EventSourcingHandler
    void on(InitiativeStarted event) {
        status = InitiativeStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(InitiativePivoted event) {
        approach = event.toApproach();
    }

    @EventSourcingHandler
    void on(InitiativeStopped event) {
        status = InitiativeStatus.STOPPED;
    }

    @EventSourcingHandler
    void on(InitiativeCompleted event) {
        status = InitiativeStatus.DONE;
    }
}
