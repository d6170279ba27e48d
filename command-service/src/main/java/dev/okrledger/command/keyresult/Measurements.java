package dev.okrledger.command.keyresult;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A key result's measurements, by id, and the latest one by its observed moment. */
final class Measurements {

    private Map<UUID, Measurement> byId = new HashMap<>();
    private Measurement latest;

    Optional<Measurement> withId(UUID measurementId) {
        return Optional.ofNullable(byId.get(measurementId));
    }

    void record(Measurement measurement) {
        byId.put(measurement.measurementId(), measurement);
        // equal moments: the one recorded later wins, as among check-ins
        if (latest == null || !measurement.observedAt().isBefore(latest.observedAt())) {
            latest = measurement;
        }
    }

    /** The last measurement in effective order. */
    Optional<Measurement> latest() {
        return Optional.ofNullable(latest);
    }
}
