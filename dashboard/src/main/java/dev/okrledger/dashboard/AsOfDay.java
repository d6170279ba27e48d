package dev.okrledger.dashboard;

import dev.okrledger.support.problem.BadRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The pages' time travel: a day (as a date field sends it), shown as known at its end in UTC. */
public final class AsOfDay {

    private AsOfDay() {}

    /** @throws BadRequest naming {@code asOf} when it is not a day such as 2026-03-15 */
    public static Optional<LocalDate> parse(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(asOf.trim()));
        } catch (DateTimeParseException e) {
            throw new BadRequest("invalid-as-of", "asOf", "asOf must be a day such as 2026-03-15; got '" + asOf + "'");
        }
    }

    public static Instant endOf(LocalDate day) {
        return day.atTime(LocalTime.MAX).toInstant(ZoneOffset.UTC);
    }
}
