package dev.okrledger.command.initiative;

import dev.okrledger.command.initiative.InitiativeCommands.AddInitiative;
import dev.okrledger.command.initiative.InitiativeCommands.InitiativeChange;
import dev.okrledger.command.shared.InvalidInput;
import dev.okrledger.command.shared.StateConflict;
import dev.okrledger.contract.event.InitiativeAdded;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.ForwardMatchingInstances;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A key result's initiatives, an entity of its aggregate; each {@link Initiative} is an entity of
 * its own, and each event about one reaches only that one. The key result first decides whether its
 * initiatives may change at all; here an initiative is added once, and changed only if it exists.
 */
public class Initiatives {

    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private Map<UUID, Initiative> byId = new HashMap<>();

    public void add(UUID keyResultId, UUID objectiveId, AddInitiative command) {
        if (byId.containsKey(command.initiativeId())) {
            throw new StateConflict("initiative-id-unique", "Initiative " + command.initiativeId() + " exists already");
        }
        apply(Initiative.added(keyResultId, objectiveId, command));
    }

    /** @param checkInsOfTheKeyResult the ids of the key result's check-ins, one of which a pivot may name */
    public void change(InitiativeChange change, Set<UUID> checkInsOfTheKeyResult) {
        Initiative initiative = byId.get(change.initiativeId());
        if (initiative == null) {
            throw new InvalidInput(
                    "initiative-exists",
                    "initiativeId",
                    "No initiative " + change.initiativeId() + " on this key result");
        }
        initiative.decide(change, checkInsOfTheKeyResult);
    }

    @EventSourcingHandler
    void on(InitiativeAdded event) {
        byId.put(event.initiativeId(), Initiative.from(event));
    }
}
