package dev.okrledger.query.keyresult;

import dev.okrledger.contract.event.Checkpoint;
import dev.okrledger.contract.event.ConfidenceBand;
import dev.okrledger.contract.policy.PaceVerdict;
import dev.okrledger.query.board.Trend;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A key result with its history ready to plot: actual progress per check-in and per measurement, and
 * confidence per check-in (in effective order, {@link dev.okrledger.query.board.EffectiveOrder}) beside
 * the expected-progress line, and what each check-in said.
 *
 * @param asOf          the moment shown (null = now); check-ins, pivots and target changes recorded later are left out
 * @param target        the target as known at that moment (the current one without {@code asOf})
 * @param status        {@code ACTIVE} or {@code DROPPED} (as known at that moment); {@code dropped} says when and why
 * @param objectiveRetired the objective was retired by then: the key result no longer counts on dashboards
 * @param measurement   what is counted, excluded and where the number comes from; null when the definition has none
 * @param milestones    for a MILESTONE key result: each milestone and whether the latest check-in reports it done
 * @param checkpoints   the planned checkpoints (date → expected value) its expected progress follows; empty: linear
 * @param initiatives   initiatives added by then, with their current status and approach
 */
public record KeyResultDetail(
        UUID id,
        UUID objectiveId,
        UUID cycleId,
        String title,
        String unit,
        String indicator,
        String kind,
        String owner,
        BigDecimal baseline,
        BigDecimal target,
        Instant asOf,
        String status,
        Dropped dropped,
        boolean objectiveRetired,
        Measurement measurement,
        List<Milestone> milestones,
        List<Checkpoint> checkpoints,
        Current current,
        List<Point> series,
        List<ExpectedPoint> expectedLine,
        List<Conversation> conversations,
        List<Initiative> initiatives,
        List<Pivot> pivots,
        List<TargetChange> targetChanges) {

    public record Dropped(Instant at, String reason) {}

    public record Measurement(String counted, String excluded, String dataSource) {}

    public record Milestone(String name, boolean done) {}

    /** @param stoppedReason why it was stopped; null unless {@code status} is STOPPED */
    public record Initiative(
            UUID id,
            String title,
            String approach,
            String status,
            Instant addedAt,
            Instant changedAt,
            String stoppedReason) {}

    /** @param checkInId the check-in that prompted the pivot, if any */
    public record Pivot(
            UUID initiativeId,
            String initiativeTitle,
            Instant at,
            String by,
            String fromApproach,
            String toApproach,
            String reason,
            UUID checkInId) {}

    public record TargetChange(Instant at, String by, BigDecimal fromTarget, BigDecimal toTarget, String reason) {}

    /**
     * @param value            the latest value in effective order, checked in or measured
     * @param expectedProgress null while the cycle is not known here yet
     * @param confidence       of the latest check-in (with {@code band} and {@code trend}): measurements carry none
     * @param lastCheckInAt    effective moment of the latest check-in; a measurement is no check-in for staleness
     * @param measured         the value is a measurement's
     */
    public record Current(
            BigDecimal value,
            double progress,
            Double expectedProgress,
            PaceVerdict pace,
            Integer confidence,
            ConfidenceBand band,
            Trend trend,
            boolean stale,
            Instant lastCheckInAt,
            boolean measured) {}

    /**
     * A value on the key result's timeline: a check-in, or a measurement from a data source.
     *
     * @param checkInId        the check-in; null for a measured point
     * @param effectiveAt      the check-in's effective moment, or the measurement's {@code observedAt}
     * @param expectedProgress where the key result should have been at that moment
     * @param pace             the verdict on the value at that moment, as the BEHIND_PACE alert judges it;
     *                         null (like {@code expectedProgress}) while the cycle is not known here yet
     * @param confidence       the check-in's, with its {@code band}; null for a measured point
     * @param measured         true for a measurement, which names its {@code measurementId} and {@code source}
     */
    public record Point(
            UUID checkInId,
            Instant effectiveAt,
            BigDecimal value,
            double progress,
            Double expectedProgress,
            PaceVerdict pace,
            Integer confidence,
            ConfidenceBand band,
            Instant recordedAt,
            boolean measured,
            UUID measurementId,
            String source) {}

    /**
     * A corner of the expected-progress line: the cycle start, each planned checkpoint, the moment shown
     * and the cycle end. The line is straight between corners, linear over the cycle without checkpoints.
     */
    public record ExpectedPoint(Instant at, double expectedProgress) {}

    /** A check-in that said something: note, blockers or decision. */
    public record Conversation(
            UUID checkInId,
            Instant effectiveAt,
            Instant recordedAt,
            String recordedBy,
            int confidence,
            String note,
            String blockers,
            String decision) {}
}
