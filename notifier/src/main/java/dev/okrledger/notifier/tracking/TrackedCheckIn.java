package dev.okrledger.notifier.tracking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record TrackedCheckIn(
        UUID checkInId,
        UUID keyResultId,
        Instant effectiveAt,
        Instant recordedAt,
        BigDecimal value,
        int confidence,
        String decision) {}
