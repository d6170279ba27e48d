package dev.okrledger.query.board;

import dev.okrledger.contract.event.ConfidenceBand;
import dev.okrledger.contract.policy.PaceVerdict;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A key result on a board.
 *
 * @param value      latest value in effective order, checked in or measured ({@link EffectiveOrder}); null
 *                   before the first one (progress is then 0)
 * @param confidence of the latest check-in: measurements carry none
 * @param stale      an active cycle and no check-in for one cadence period plus the grace (a measurement is
 *                   no check-in)
 * @param measured   the value is a measurement's, not a check-in's
 */
public record KeyResultState(
        UUID id,
        UUID objectiveId,
        String title,
        String unit,
        String owner,
        BigDecimal baseline,
        BigDecimal target,
        BigDecimal value,
        double progress,
        double expectedProgress,
        PaceVerdict pace,
        Integer confidence,
        ConfidenceBand band,
        Trend trend,
        boolean stale,
        Instant lastCheckInAt,
        boolean measured) {}
