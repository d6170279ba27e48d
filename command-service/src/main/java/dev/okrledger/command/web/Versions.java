package dev.okrledger.command.web;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.http.ResponseEntity;

import java.util.UUID;

/**
 * Optimistic concurrency for clients: a command may carry the aggregate version it was based on
 * ({@code If-Match}); the answer carries the new version ({@code ETag}).
 */
public final class Versions {

    private Versions() {
    }

    /** Loads the aggregate and refuses to go on when it moved past {@code expectedVersion} (null: no check). */
    public static <T> Aggregate<T> load(Repository<T> repository, UUID id, Long expectedVersion) {
        Aggregate<T> aggregate = repository.load(id.toString());
        long current = current(aggregate);
        if (expectedVersion != null && expectedVersion != current) {
            throw new VersionConflict(expectedVersion, current);
        }
        return aggregate;
    }

    public static long current(Aggregate<?> aggregate) {
        Long version = aggregate.version();
        return version == null ? -1 : version;
    }

    /** Parses {@code If-Match: "7"} (or 7, or W/"7"); null when absent. */
    public static Long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String digits = ifMatch.strip().replace("W/", "").replace("\"", "");
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new InvalidInput("if-match-is-a-version", "If-Match", "If-Match must be an aggregate version such as \"7\"");
        }
    }

    /** 200 with the new version in the body and as ETag. */
    public static ResponseEntity<VersionAnswer> answer(long version) {
        return ResponseEntity.ok().eTag("\"" + version + "\"").body(new VersionAnswer(version));
    }
}
