package dev.okrledger.command.keyresult;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One recorded measurement, as much of it as the key result needs to recognise it when sent again. */
record Measurement(UUID measurementId, BigDecimal value, Instant observedAt, String source) {

    boolean sameContentAs(RecordMeasurement command) {
        return command.value() != null
                && value.compareTo(command.value()) == 0
                && observedAt.equals(command.observedAt())
                && Objects.equals(source, command.source());
    }
}
