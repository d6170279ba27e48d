package dev.okrledger.query.web;

import dev.okrledger.support.problem.BadRequest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The {@code asOf} query parameter: an ISO-8601 date-time with offset, e.g. 2025-05-02T17:00:00Z. */
public final class AsOf {

    private AsOf() {}

    /** @throws BadRequest naming the field when the value is not a date-time with offset */
    public static Optional<Instant> parse(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(asOf.trim()).toInstant());
        } catch (DateTimeParseException e) {
            throw new BadRequest(
                    "invalid-as-of",
                    "asOf",
                    "asOf must be an ISO-8601 date-time with offset, such as 2025-05-02T17:00:00Z; got '" + asOf + "'");
        }
    }
}
