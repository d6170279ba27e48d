package dev.okrledger.command.objective;

import dev.okrledger.command.directory.CycleFacts;
import dev.okrledger.command.directory.Directory;
import dev.okrledger.command.directory.ObjectiveFacts;
import dev.okrledger.command.objective.ObjectiveEdits.RealignObjective;
import dev.okrledger.command.objective.ObjectiveEdits.RecordRetrospective;
import dev.okrledger.command.objective.ObjectiveEdits.RetireObjective;
import dev.okrledger.command.objective.ObjectiveEdits.RewordObjective;
import dev.okrledger.command.shared.Aggregates;
import dev.okrledger.command.shared.UnknownEntity;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

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
    long handle(DefineObjective command) throws Exception {
        CycleFacts cycle = directory
                .cycle(command.cycleId())
                .orElseThrow(() -> new UnknownEntity("cycle", "cycleId", command.cycleId()));
        ObjectiveFacts parent = parent(command.parentObjectiveId());
        return Aggregates.version(objectives.newInstance(() -> new Objective(command, cycle, parent)));
    }

    @CommandHandler
    long handle(RewordObjective command) {
        return edit(command.objectiveId(), command.expectedVersion(), (o, cycle) -> o.reword(command, cycle));
    }

    @CommandHandler
    long handle(RealignObjective command) {
        ObjectiveFacts parent = parent(command.parentObjectiveId());
        List<UUID> ancestors = ancestorsOf(parent);
        return edit(
                command.objectiveId(),
                command.expectedVersion(),
                (o, cycle) -> o.realign(command, cycle, parent, ancestors));
    }

    @CommandHandler
    long handle(RetireObjective command) {
        return edit(command.objectiveId(), command.expectedVersion(), (o, cycle) -> o.retire(command, cycle));
    }

    @CommandHandler
    long handle(RecordRetrospective command) {
        return edit(command.objectiveId(), null, (o, cycle) -> o.recordRetrospective(command, cycle));
    }

    private long edit(UUID objectiveId, Long expectedVersion, BiConsumer<Objective, CycleFacts> change) {
        CycleFacts cycle = cycleOf(objectiveId);
        Aggregate<Objective> objective = Aggregates.load(objectives, objectiveId, expectedVersion);
        objective.execute(o -> change.accept(o, cycle));
        return Aggregates.version(objective);
    }

    private ObjectiveFacts parent(UUID parentObjectiveId) {
        return parentObjectiveId == null
                ? null
                : directory
                        .objective(parentObjectiveId)
                        .orElseThrow(() -> new UnknownEntity("objective", "parentObjectiveId", parentObjectiveId));
    }

    /** The parent's chain up to the root; bounded, in case the tree was ever corrupted. */
    private List<UUID> ancestorsOf(ObjectiveFacts parent) {
        List<UUID> ancestors = new ArrayList<>();
        ObjectiveFacts current = parent;
        while (current != null
                && current.parentObjectiveId() != null
                && ancestors.size() < 1_000
                && !ancestors.contains(current.parentObjectiveId())) {
            ancestors.add(current.parentObjectiveId());
            current = directory.objective(current.parentObjectiveId()).orElse(null);
        }
        return ancestors;
    }

    private CycleFacts cycleOf(UUID objectiveId) {
        ObjectiveFacts objective =
                directory.objective(objectiveId).orElseThrow(() -> new UnknownEntity("objective", null, objectiveId));
        return directory.cycle(objective.cycleId()).orElseThrow();
    }
}
