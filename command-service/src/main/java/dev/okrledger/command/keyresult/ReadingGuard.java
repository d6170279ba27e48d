package dev.okrledger.command.keyresult;

import dev.okrledger.command.directory.CycleFacts;
import dev.okrledger.command.directory.CycleFacts.CycleStatus;
import dev.okrledger.command.shared.InvalidInput;
import dev.okrledger.command.shared.StateConflict;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The guard every reading of a key result's value passes, a person's check-in or a data source's
 * measurement, written once: an id is recorded once; then, after the reading's own checks, the key
 * result must be open, its cycle active, and the reading's moment neither in the future nor outside
 * the cycle. Each kind of reading names the rules its own way ({@link Reading}).
 *
 * @param now the moment the command is handled
 */
record ReadingGuard(boolean keyResultDropped, CycleFacts cycle, Instant now) {

    /** Clocks of people, sources and servers drift: a reading may claim to be this far in the future. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /**
     * The two kinds of reading and their names for the guard's rules: {@code check-in-id-reused},
     * {@code check-in-needs-active-cycle}, {@code effective-at-not-in-future} and
     * {@code effective-at-inside-cycle} for a check-in; {@code measurement-id-reused},
     * {@code measurement-needs-active-cycle}, {@code observed-at-not-in-future} and
     * {@code observed-at-inside-cycle} for a measurement.
     */
    enum Reading {
        CHECK_IN("check-in", "Check-in", "effectiveAt", "effective-at", "A check-in cannot be effective in the future"),
        MEASUREMENT(
                "measurement",
                "Measurement",
                "observedAt",
                "observed-at",
                "A measurement cannot be observed in the future");

        private final String rule;
        private final String name;
        private final String momentField;
        private final String momentRule;
        private final String inTheFuture;

        Reading(String rule, String name, String momentField, String momentRule, String inTheFuture) {
            this.rule = rule;
            this.name = name;
            this.momentField = momentField;
            this.momentRule = momentRule;
            this.inTheFuture = inTheFuture;
        }
    }

    /**
     * True when a reading with this id was recorded before with the same content: sent again, it
     * records nothing new. The same id with other content is refused.
     */
    <R> boolean recordedBefore(Reading reading, UUID id, Optional<R> earlier, Predicate<R> sameContent) {
        if (earlier.isEmpty()) {
            return false;
        }
        if (!sameContent.test(earlier.get())) {
            throw new StateConflict(
                    reading.rule + "-id-reused",
                    reading.name + " " + id + " was already recorded with different content");
        }
        return true;
    }

    /** A new reading at {@code moment}, once its own content is checked. */
    void admit(Reading reading, Instant moment) {
        if (keyResultDropped) {
            throw KeyResult.droppedRefusal();
        }
        if (cycle.status() != CycleStatus.ACTIVE) {
            throw new StateConflict(
                    reading.rule + "-needs-active-cycle",
                    reading.name + "s are accepted only while the cycle is active; it is " + cycle.status());
        }
        if (moment.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidInput(reading.momentRule + "-not-in-future", reading.momentField, reading.inTheFuture);
        }
        if (!cycle.covers(moment)) {
            throw new InvalidInput(
                    reading.momentRule + "-inside-cycle",
                    reading.momentField,
                    reading.momentField + " must fall inside the cycle (" + cycle.startsOn() + " to " + cycle.endsOn()
                            + ")");
        }
    }
}
