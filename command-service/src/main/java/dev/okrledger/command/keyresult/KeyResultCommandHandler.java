package dev.okrledger.command.keyresult;

import dev.okrledger.command.directory.CycleFacts;
import dev.okrledger.command.directory.Directory;
import dev.okrledger.command.directory.ObjectiveFacts;
import dev.okrledger.command.web.UnknownEntity;
import dev.okrledger.contract.policy.OkrPolicy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Resolves the facts a key result needs from other aggregates (its cycle), then lets it decide. */
@Component
class KeyResultCommandHandler {

    private final Repository<KeyResult> keyResults;
    private final Directory directory;
    private final Clock clock;
    private final OkrPolicy policy;

    KeyResultCommandHandler(Repository<KeyResult> keyResults, Directory directory, Clock clock, OkrPolicy policy) {
        this.keyResults = keyResults;
        this.directory = directory;
        this.clock = clock;
        this.policy = policy;
    }

    @CommandHandler
    void handle(DefineKeyResult command) throws Exception {
        ObjectiveFacts objective = directory.objective(command.objectiveId())
                .orElseThrow(() -> new UnknownEntity("objective", null, command.objectiveId()));
        CycleFacts cycle = directory.cycle(objective.cycleId()).orElseThrow();
        keyResults.newInstance(() -> new KeyResult(command, objective, cycle));
    }

    @CommandHandler
    CheckInOutcome handle(RecordCheckIn command) {
        CycleFacts cycle = directory.cycleOfKeyResult(command.keyResultId())
                .orElseThrow(() -> new UnknownEntity("key-result", null, command.keyResultId()));
        return keyResults.load(command.keyResultId().toString())
                .invoke(keyResult -> keyResult.recordCheckIn(command, cycle, clock.instant(), policy));
    }
}
