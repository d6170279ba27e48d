package dev.okrledger.command.keyresult;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A data source's observation of a metric key result's value, from the REST API or the
 * {@code okr.measurements} topic.
 *
 * @param measurementId chosen by the source: sending the same measurement again records it once
 * @param observedAt    the moment the value was observed; it is the measurement's effective moment
 */
public record RecordMeasurement(
        UUID keyResultId, UUID measurementId, BigDecimal value, Instant observedAt, String source) {}
