package dev.okrledger.command.shared;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

import java.util.UUID;

/**
 * Loads aggregates for command handlers, with the client's optimistic concurrency check: a
 * command may carry the aggregate version it was based on, and is refused when the aggregate
 * moved on since.
 */
public final class Aggregates {

    private Aggregates() {}

    /** Loads the aggregate and refuses to go on when it moved past {@code expectedVersion} (null: no check). */
    public static <T> Aggregate<T> load(Repository<T> repository, UUID id, Long expectedVersion) {
        return load(repository, id.toString(), expectedVersion);
    }

    /** As {@link #load(Repository, UUID, Long)}, for an aggregate named by text (a person). */
    public static <T> Aggregate<T> load(Repository<T> repository, String id, Long expectedVersion) {
        Aggregate<T> aggregate = repository.load(id);
        long current = version(aggregate);
        if (expectedVersion != null && expectedVersion != current) {
            throw new VersionConflict(expectedVersion, current);
        }
        return aggregate;
    }

    /** The version after the last event applied, -1 before the first. */
    public static long version(Aggregate<?> aggregate) {
        Long version = aggregate.version();
        return version == null ? -1 : version;
    }
}
