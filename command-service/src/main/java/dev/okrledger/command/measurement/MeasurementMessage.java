package dev.okrledger.command.measurement;

import dev.okrledger.command.keyresult.RecordMeasurement;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One record of {@code okr.measurements}: {@code {keyResultId, measurementId, value, observedAt, source}}. */
record MeasurementMessage(UUID keyResultId, UUID measurementId, BigDecimal value, Instant observedAt, String source) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** @throws MalformedMeasurement when the record is no such JSON or its key names another key result */
    static MeasurementMessage parse(String key, byte[] value) {
        MeasurementMessage message;
        try {
            message = value == null ? null : JSON.readValue(value, MeasurementMessage.class);
        } catch (JacksonException e) {
            throw new MalformedMeasurement("not a measurement JSON object: " + e.getOriginalMessage());
        }
        if (message == null || message.keyResultId() == null || message.measurementId() == null) {
            throw new MalformedMeasurement("keyResultId and measurementId are required");
        }
        if (key != null && !key.equals(message.keyResultId().toString())) {
            throw new MalformedMeasurement(
                    "the record key " + key + " is not its keyResultId " + message.keyResultId());
        }
        return message;
    }

    RecordMeasurement toCommand() {
        return new RecordMeasurement(
                keyResultId,
                measurementId,
                value,
                observedAt,
                source == null || source.isBlank() ? null : source.strip());
    }

    /** A record that can never become a measurement: it goes to the dead-letter topic at once. */
    static final class MalformedMeasurement extends RuntimeException {
        MalformedMeasurement(String message) {
            super(message);
        }
    }
}
