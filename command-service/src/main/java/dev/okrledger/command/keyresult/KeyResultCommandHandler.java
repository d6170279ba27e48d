package dev.okrledger.command.keyresult;

import dev.okrledger.command.access.Permissions;
import dev.okrledger.command.directory.CycleFacts;
import dev.okrledger.command.directory.Directory;
import dev.okrledger.command.directory.ObjectiveFacts;
import dev.okrledger.command.keyresult.KeyResultEdits.ChangeKeyResultOwner;
import dev.okrledger.command.keyresult.KeyResultEdits.ChangeKeyResultTarget;
import dev.okrledger.command.keyresult.KeyResultEdits.DropKeyResult;
import dev.okrledger.command.keyresult.KeyResultEdits.RewordKeyResult;
import dev.okrledger.command.shared.Aggregates;
import dev.okrledger.command.shared.UnknownEntity;
import dev.okrledger.contract.policy.OkrPolicy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Resolves the facts a key result needs from other aggregates (its objective, its cycle), checks
 * that the user may change it (in the same lookup: decision 0036) and the version the client
 * expected, then lets the key result decide. Answers the new version. Initiatives have their own
 * handler, {@link InitiativeCommandHandler}.
 */
@Component
class KeyResultCommandHandler {

    private final Repository<KeyResult> keyResults;
    private final Directory directory;
    private final Clock clock;
    private final OkrPolicy policy;
    private final KeyResultChanges changes;

    KeyResultCommandHandler(
            Repository<KeyResult> keyResults,
            Directory directory,
            Clock clock,
            OkrPolicy policy,
            Permissions permissions) {
        this.keyResults = keyResults;
        this.directory = directory;
        this.clock = clock;
        this.policy = policy;
        this.changes = new KeyResultChanges(keyResults, directory, permissions);
    }

    @CommandHandler
    long handle(DefineKeyResult command) throws Exception {
        ObjectiveFacts objective = directory
                .objective(command.objectiveId())
                .orElseThrow(() -> new UnknownEntity("objective", null, command.objectiveId()));
        CycleFacts cycle = directory.cycle(objective.cycleId()).orElseThrow();
        return Aggregates.version(keyResults.newInstance(() -> new KeyResult(command, objective, cycle)));
    }

    @CommandHandler
    CheckInOutcome handle(RecordCheckIn command) {
        return changes.checkIn(
                command.keyResultId(),
                command.expectedVersion(),
                (k, cycle) -> k.recordCheckIn(command, cycle, clock.instant(), policy));
    }

    /** Measurements: their sources are checked where they enter (HTTP or the measurements topic). */
    @CommandHandler
    CheckInOutcome handle(RecordMeasurement command) {
        CycleFacts cycle = directory
                .cycleOfKeyResult(command.keyResultId())
                .orElseThrow(() -> new UnknownEntity("key-result", null, command.keyResultId()));
        Aggregate<KeyResult> keyResult = Aggregates.load(keyResults, command.keyResultId(), null);
        CheckInOutcome.Status status = keyResult.invoke(k -> k.recordMeasurement(command, cycle, clock.instant()));
        return new CheckInOutcome(status, Aggregates.version(keyResult));
    }

    @CommandHandler
    long handle(RewordKeyResult command) {
        return changes.change(command.keyResultId(), command.expectedVersion(), (k, cycle) -> k.reword(command, cycle));
    }

    @CommandHandler
    long handle(ChangeKeyResultTarget command) {
        return changes.change(
                command.keyResultId(), command.expectedVersion(), (k, cycle) -> k.changeTarget(command, cycle));
    }

    @CommandHandler
    long handle(ChangeKeyResultOwner command) {
        return changes.change(
                command.keyResultId(), command.expectedVersion(), (k, cycle) -> k.changeOwner(command, cycle));
    }

    @CommandHandler
    long handle(DropKeyResult command) {
        return changes.change(command.keyResultId(), command.expectedVersion(), (k, cycle) -> k.drop(command, cycle));
    }
}
