package dev.okrledger.notifier.tracking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The measurement that holds a key result's latest value in effective order. */
public record TrackedMeasurement(
        UUID measurementId, UUID keyResultId, BigDecimal value, Instant observedAt, String source) {}
