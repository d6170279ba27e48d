package dev.okrledger.command.objective;

import dev.okrledger.command.directory.CycleFacts;
import dev.okrledger.command.directory.Directory;
import dev.okrledger.command.directory.ObjectiveFacts;
import dev.okrledger.command.web.UnknownEntity;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** Resolves the cross-aggregate facts an objective needs, then lets the aggregate decide. */
@Component
class ObjectiveCommandHandler {

    private final Repository<Objective> objectives;
    private final Directory directory;

    ObjectiveCommandHandler(Repository<Objective> objectives, Directory directory) {
        this.objectives = objectives;
        this.directory = directory;
    }

    @CommandHandler
    void handle(DefineObjective command) throws Exception {
        CycleFacts cycle = directory.cycle(command.cycleId())
                .orElseThrow(() -> new UnknownEntity("cycle", "cycleId", command.cycleId()));
        ObjectiveFacts parent = command.parentObjectiveId() == null ? null
                : directory.objective(command.parentObjectiveId())
                        .orElseThrow(() -> new UnknownEntity("objective", "parentObjectiveId", command.parentObjectiveId()));
        objectives.newInstance(() -> new Objective(command, cycle, parent));
    }
}
