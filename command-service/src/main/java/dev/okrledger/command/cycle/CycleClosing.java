package dev.okrledger.command.cycle;

import dev.okrledger.command.directory.Directory;
import dev.okrledger.command.keyresult.KeyResult;
import dev.okrledger.command.shared.Aggregates;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Closing a cycle grades every key result in it (from its last value, per docs/domain.md), all in the
 * transaction that closes it: the close and the grades are one fact in the log.
 */
@Component
class CycleClosing {

    private final Repository<Cycle> cycles;
    private final Repository<KeyResult> keyResults;
    private final Directory directory;

    CycleClosing(Repository<Cycle> cycles, Repository<KeyResult> keyResults, Directory directory) {
        this.cycles = cycles;
        this.keyResults = keyResults;
        this.directory = directory;
    }

    @CommandHandler
    long handle(CloseCycle command) {
        Aggregate<Cycle> cycle = Aggregates.load(cycles, command.cycleId(), null);
        cycle.execute(Cycle::close);
        for (UUID keyResultId : directory.keyResultsOf(command.cycleId())) {
            keyResults.load(keyResultId.toString()).execute(KeyResult::grade);
        }
        return Aggregates.version(cycle);
    }
}
