package dev.okrledger.query.keyresult;

import dev.okrledger.contract.event.ConfidenceBand;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One check-in on a key result's confidence history, ready to plot. */
public record CheckInPoint(
        UUID checkInId,
        Instant effectiveAt,
        BigDecimal value,
        int confidence,
        ConfidenceBand band,
        double progress,
        String note,
        String blockers,
        String decision,
        Instant recordedAt,
        String recordedBy) {}
