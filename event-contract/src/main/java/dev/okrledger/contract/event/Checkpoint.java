package dev.okrledger.contract.event;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A planned point on a key result's path: by {@code date} the value should be {@code expectedValue}. */
public record Checkpoint(LocalDate date, BigDecimal expectedValue) {}
