package dev.okrledger.command.keyresult;

import dev.okrledger.command.access.Permissions;
import dev.okrledger.command.directory.Directory;
import dev.okrledger.command.initiative.InitiativeCommands.AddInitiative;
import dev.okrledger.command.initiative.InitiativeCommands.CompleteInitiative;
import dev.okrledger.command.initiative.InitiativeCommands.InitiativeChange;
import dev.okrledger.command.initiative.InitiativeCommands.PivotInitiative;
import dev.okrledger.command.initiative.InitiativeCommands.StartInitiative;
import dev.okrledger.command.initiative.InitiativeCommands.StopInitiative;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * The initiative commands, on the key result whose entities the initiatives are: the key result
 * decides whether its initiatives may change at all, the initiative decides the change (decision
 * 0011). Beside the key result rather than in {@code initiative}, which the key result uses: the
 * packages stay free of cycles. Answers the key result's new version.
 */
@Component
class InitiativeCommandHandler {

    private final KeyResultChanges changes;

    InitiativeCommandHandler(Repository<KeyResult> keyResults, Directory directory, Permissions permissions) {
        this.changes = new KeyResultChanges(keyResults, directory, permissions);
    }

    @CommandHandler
    long handle(AddInitiative command) {
        return changes.change(command.keyResultId(), null, (k, cycle) -> k.addInitiative(command, cycle));
    }

    @CommandHandler
    long handle(StartInitiative command) {
        return change(command);
    }

    @CommandHandler
    long handle(PivotInitiative command) {
        return change(command);
    }

    @CommandHandler
    long handle(StopInitiative command) {
        return change(command);
    }

    @CommandHandler
    long handle(CompleteInitiative command) {
        return change(command);
    }

    private long change(InitiativeChange change) {
        return changes.change(change.keyResultId(), null, (k, cycle) -> k.changeInitiative(change, cycle));
    }
}
