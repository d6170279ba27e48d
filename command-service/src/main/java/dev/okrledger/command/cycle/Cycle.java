package dev.okrledger.command.cycle;

import dev.okrledger.command.directory.CycleFacts.CycleStatus;
import dev.okrledger.command.shared.InvalidInput;
import dev.okrledger.command.shared.StateConflict;
import dev.okrledger.contract.event.CycleActivated;
import dev.okrledger.contract.event.CycleClosed;
import dev.okrledger.contract.event.CyclePlanned;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A time box for OKRs: PLANNING → ACTIVE → CLOSED. Check-ins are accepted only while ACTIVE. */
@Aggregate
public class Cycle {

    @AggregateIdentifier
    private UUID cycleId;

    private CycleStatus status;

    protected Cycle() {
        // for Axon
    }

    @CommandHandler
    public Cycle(PlanCycle command) {
        if (!command.endsOn().isAfter(command.startsOn())) {
            throw new InvalidInput("cycle-ends-after-start", "endsOn", "A cycle must end after it starts");
        }
        apply(new CyclePlanned(
                command.cycleId(), command.name(), command.startsOn(), command.endsOn(), command.cadence()));
    }

    @CommandHandler
    void handle(ActivateCycle command) {
        if (status != CycleStatus.PLANNING) {
            throw new StateConflict(
                    "cycle-activates-from-planning", "Only a planning cycle can be activated; this one is " + status);
        }
        apply(new CycleActivated(cycleId));
    }

    /** Called by {@link CycleClosing}, which then grades the cycle's key results in the same transaction. */
    void close() {
        if (status != CycleStatus.ACTIVE) {
            throw new StateConflict(
                    "cycle-closes-from-active", "Only an active cycle can be closed; this one is " + status);
        }
        apply(new CycleClosed(cycleId));
    }

    @EventSourcingHandler
    void on(CyclePlanned event) {
        cycleId = event.cycleId();
        status = CycleStatus.PLANNING;
    }

    @EventSourcingHandler
    void on(CycleActivated event) {
        status = CycleStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(CycleClosed event) {
        status = CycleStatus.CLOSED;
    }
}
