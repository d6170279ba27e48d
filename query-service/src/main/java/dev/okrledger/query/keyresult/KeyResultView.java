package dev.okrledger.query.keyresult;

import dev.okrledger.contract.event.ConfidenceBand;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A key result as a dashboard shows it.
 *
 * @param progress         (value − baseline) / (target − baseline), clamped to 0..1; 0 before the first check-in
 * @param expectedProgress where the key result should be now: the elapsed fraction of the cycle, or along its
 *                         planned checkpoints ({@code PacePlan}); null while the cycle is not known here yet
 * @param behindPace       progress &lt; expected − tolerance; null when expected progress is unknown
 */
public record KeyResultView(
        UUID id,
        UUID objectiveId,
        UUID cycleId,
        String title,
        String unit,
        String indicator,
        String owner,
        BigDecimal baseline,
        BigDecimal target,
        BigDecimal currentValue,
        double progress,
        Double expectedProgress,
        Boolean behindPace,
        Integer confidence,
        ConfidenceBand band,
        Instant lastCheckInAt) {}
