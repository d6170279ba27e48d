package dev.okrledger.notifier.tracking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A value of a key result as pace judges it: a check-in's at its effective moment, or a measurement's at
 * its observed moment.
 *
 * @param id     the check-in's or the measurement's id
 * @param source the measurement's data source (may be null); null for a check-in
 */
public record Reading(UUID id, boolean measured, BigDecimal value, Instant at, String source) {

    static Reading of(TrackedCheckIn checkIn) {
        return new Reading(checkIn.checkInId(), false, checkIn.value(), checkIn.effectiveAt(), null);
    }

    static Reading of(TrackedMeasurement measurement) {
        return new Reading(
                measurement.measurementId(), true, measurement.value(), measurement.observedAt(), measurement.source());
    }
}
