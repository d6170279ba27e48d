package dev.okrledger.command.keyresult;

import dev.okrledger.command.access.Permissions;
import dev.okrledger.command.directory.CycleFacts;
import dev.okrledger.command.directory.Directory;
import dev.okrledger.command.directory.Directory.KeyResultFacts;
import dev.okrledger.command.shared.Aggregates;
import dev.okrledger.command.shared.UnknownEntity;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * How every command handler changes a key result on a user's behalf: the key result's cycle, team
 * and owner come from the directory in one lookup (decisions 0003, 0036), the user must be allowed
 * to change it, and the aggregate must still be at the version the client expected. Then the key
 * result decides, with its cycle's facts.
 */
final class KeyResultChanges {

    private final Repository<KeyResult> keyResults;
    private final Directory directory;
    private final Permissions permissions;

    KeyResultChanges(Repository<KeyResult> keyResults, Directory directory, Permissions permissions) {
        this.keyResults = keyResults;
        this.directory = directory;
        this.permissions = permissions;
    }

    /** Lets the key result decide a change; answers its version afterwards. */
    long change(UUID keyResultId, Long expectedVersion, BiConsumer<KeyResult, CycleFacts> decision) {
        CycleFacts cycle = cycleOfChangeable(keyResultId);
        Aggregate<KeyResult> keyResult = Aggregates.load(keyResults, keyResultId, expectedVersion);
        keyResult.execute(k -> decision.accept(k, cycle));
        return Aggregates.version(keyResult);
    }

    /** Lets the key result decide a check-in; answers what became of it and the version afterwards. */
    CheckInOutcome checkIn(
            UUID keyResultId, Long expectedVersion, BiFunction<KeyResult, CycleFacts, CheckInOutcome.Status> decision) {
        CycleFacts cycle = cycleOfChangeable(keyResultId);
        Aggregate<KeyResult> keyResult = Aggregates.load(keyResults, keyResultId, expectedVersion);
        CheckInOutcome.Status status = keyResult.invoke(k -> decision.apply(k, cycle));
        return new CheckInOutcome(status, Aggregates.version(keyResult));
    }

    private CycleFacts cycleOfChangeable(UUID keyResultId) {
        KeyResultFacts facts =
                directory.keyResult(keyResultId).orElseThrow(() -> new UnknownEntity("key-result", null, keyResultId));
        permissions.requireKeyResult(facts.access());
        return facts.cycle();
    }
}
