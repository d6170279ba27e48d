package dev.okrledger.command.keyresult;

import dev.okrledger.command.access.Permissions;
import dev.okrledger.command.directory.CycleFacts;
import dev.okrledger.command.directory.Directory;
import dev.okrledger.command.directory.Directory.KeyResultFacts;
import dev.okrledger.command.directory.ObjectiveFacts;
import dev.okrledger.command.initiative.InitiativeCommands.AddInitiative;
import dev.okrledger.command.initiative.InitiativeCommands.CompleteInitiative;
import dev.okrledger.command.initiative.InitiativeCommands.PivotInitiative;
import dev.okrledger.command.initiative.InitiativeCommands.StartInitiative;
import dev.okrledger.command.initiative.InitiativeCommands.StopInitiative;
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
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Resolves the facts a key result needs from other aggregates (its objective, its cycle), checks
 * that the user may change it (in the same lookup: decision 0036) and the version the client
 * expected, then lets the key result decide. Answers the new version.
 */
@Component
class KeyResultCommandHandler {

    private final Repository<KeyResult> keyResults;
    private final Directory directory;
    private final Clock clock;
    private final OkrPolicy policy;
    private final Permissions permissions;

    KeyResultCommandHandler(Repository<KeyResult> keyResults, Directory directory, Clock clock, OkrPolicy policy,
                            Permissions permissions) {
        this.keyResults = keyResults;
        this.directory = directory;
        this.clock = clock;
        this.policy = policy;
        this.permissions = permissions;
    }

    @CommandHandler
    long handle(DefineKeyResult command) throws Exception {
        ObjectiveFacts objective = directory.objective(command.objectiveId())
                .orElseThrow(() -> new UnknownEntity("objective", null, command.objectiveId()));
        CycleFacts cycle = directory.cycle(objective.cycleId()).orElseThrow();
        return Aggregates.version(keyResults.newInstance(() -> new KeyResult(command, objective, cycle)));
    }

    @CommandHandler
    CheckInOutcome handle(RecordCheckIn command) {
        CycleFacts cycle = cycleOfChangeable(command.keyResultId());
        Aggregate<KeyResult> keyResult = Aggregates.load(keyResults, command.keyResultId(), command.expectedVersion());
        CheckInOutcome.Status status = keyResult.invoke(k -> k.recordCheckIn(command, cycle, clock.instant(), policy));
        return new CheckInOutcome(status, Aggregates.version(keyResult));
    }

    @CommandHandler
    CheckInOutcome handle(RecordMeasurement command) {
        CycleFacts cycle = cycleOf(command.keyResultId());
        Aggregate<KeyResult> keyResult = Aggregates.load(keyResults, command.keyResultId(), null);
        CheckInOutcome.Status status = keyResult.invoke(k -> k.recordMeasurement(command, cycle, clock.instant()));
        return new CheckInOutcome(status, Aggregates.version(keyResult));
    }

    @CommandHandler
    long handle(RewordKeyResult command) {
        return edit(command.keyResultId(), command.expectedVersion(), (k, cycle) -> k.reword(command, cycle));
    }

    @CommandHandler
    long handle(ChangeKeyResultTarget command) {
        return edit(command.keyResultId(), command.expectedVersion(), (k, cycle) -> k.changeTarget(command, cycle));
    }

    @CommandHandler
    long handle(ChangeKeyResultOwner command) {
        return edit(command.keyResultId(), command.expectedVersion(), (k, cycle) -> k.changeOwner(command, cycle));
    }

    @CommandHandler
    long handle(DropKeyResult command) {
        return edit(command.keyResultId(), command.expectedVersion(), (k, cycle) -> k.drop(command, cycle));
    }

    @CommandHandler
    long handle(AddInitiative command) {
        return edit(command.keyResultId(), null, (k, cycle) -> k.addInitiative(command, cycle));
    }

    // An initiative's own rules are its entity's; the key result first decides whether it may change.

    @CommandHandler
    long handle(StartInitiative command) {
        return edit(command.keyResultId(), null,
                (k, cycle) -> k.initiativeToChange(command.initiativeId(), cycle).start());
    }

    @CommandHandler
    long handle(PivotInitiative command) {
        return edit(command.keyResultId(), null,
                (k, cycle) -> k.initiativeToChange(command.initiativeId(), cycle).pivot(command, k::hasCheckIn));
    }

    @CommandHandler
    long handle(StopInitiative command) {
        return edit(command.keyResultId(), null,
                (k, cycle) -> k.initiativeToChange(command.initiativeId(), cycle).stop(command));
    }

    @CommandHandler
    long handle(CompleteInitiative command) {
        return edit(command.keyResultId(), null,
                (k, cycle) -> k.initiativeToChange(command.initiativeId(), cycle).complete());
    }

    private long edit(UUID keyResultId, Long expectedVersion, BiConsumer<KeyResult, CycleFacts> change) {
        CycleFacts cycle = cycleOfChangeable(keyResultId);
        Aggregate<KeyResult> keyResult = Aggregates.load(keyResults, keyResultId, expectedVersion);
        keyResult.execute(k -> change.accept(k, cycle));
        return Aggregates.version(keyResult);
    }

    /** Measurements: their sources are checked where they enter (HTTP or the measurements topic). */
    private CycleFacts cycleOf(UUID keyResultId) {
        return directory.cycleOfKeyResult(keyResultId)
                .orElseThrow(() -> new UnknownEntity("key-result", null, keyResultId));
    }

    /** The key result's cycle, once the current user is known to be allowed to change the key result. */
    private CycleFacts cycleOfChangeable(UUID keyResultId) {
        KeyResultFacts facts = directory.keyResult(keyResultId)
                .orElseThrow(() -> new UnknownEntity("key-result", null, keyResultId));
        permissions.requireKeyResult(facts.access());
        return facts.cycle();
    }
}
