package dev.okrledger.command.directory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What command handlers may know of other aggregates before an aggregate decides: the facts of
 * cycles, objectives and key results, always as current as the event store.
 */
public interface Directory {

    Optional<CycleFacts> cycle(UUID cycleId);

    Optional<ObjectiveFacts> objective(UUID objectiveId);

    Optional<CycleFacts> cycleOfKeyResult(UUID keyResultId);

    /** The owning team (of its objective) and the owner of a key result. */
    record KeyResultAccess(String team, String owner) {}

    Optional<KeyResultAccess> keyResultAccess(UUID keyResultId);

    /** What a change to a key result needs to know: its cycle and who may change it. */
    record KeyResultFacts(CycleFacts cycle, KeyResultAccess access) {}

    /** {@link #cycleOfKeyResult} and {@link #keyResultAccess} in one lookup. */
    Optional<KeyResultFacts> keyResult(UUID keyResultId);

    /** Every key result defined in the cycle, dropped ones included. */
    List<UUID> keyResultsOf(UUID cycleId);
}
