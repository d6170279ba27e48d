package dev.okrledger.query.export;

import dev.okrledger.contract.event.ConfidenceBand;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One check-in of the cycle, in effective order per key result, as the confidence history shows it.
 *
 * @param progress        against the target known at the export's moment
 * @param keyResultStatus ACTIVE or DROPPED as known at that moment: dropped key results keep their history
 */
record CheckInRow(
        UUID objectiveId,
        String objectiveTitle,
        String team,
        UUID keyResultId,
        String keyResultTitle,
        String keyResultStatus,
        String unit,
        UUID checkInId,
        Instant effectiveAt,
        Instant recordedAt,
        String recordedBy,
        BigDecimal value,
        double progress,
        int confidence,
        ConfidenceBand band,
        String note,
        String blockers,
        String decision,
        List<String> milestonesDone) {}
