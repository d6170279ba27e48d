package dev.okrledger.notifier.alert;

import dev.okrledger.contract.event.CheckInRecorded;
import dev.okrledger.contract.event.ConfidenceBand;
import dev.okrledger.contract.event.ConfidenceChanged;
import dev.okrledger.contract.policy.OkrPolicy;
import dev.okrledger.contract.policy.PaceJudgement;
import dev.okrledger.contract.policy.PacePlan;
import dev.okrledger.notifier.tracking.CycleStatus;
import dev.okrledger.notifier.tracking.CycleWindow;
import dev.okrledger.notifier.tracking.TrackedKeyResult;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The alerting rules of docs/domain.md, as pure functions of events, tracked state and the policy. */
public final class AlertRules {

    private final OkrPolicy policy;

    public AlertRules(OkrPolicy policy) {
        this.policy = policy;
    }

    /**
     * Sharp drop: confidence falls by at least the threshold, or its band worsens. RED when the new
     * confidence is in the red band, otherwise AMBER. A rise never alerts.
     */
    public Optional<Alert> confidenceDrop(ConfidenceChanged change, TrackedKeyResult kr, Instant raisedAt) {
        if (!policy.isSharpDrop(change.fromConfidence(), change.toConfidence())) {
            return Optional.empty();
        }
        Severity severity = isRed(change.toConfidence()) ? Severity.RED : Severity.AMBER;
        return Optional.of(Alert.raised(AlertKind.CONFIDENCE_DROP, severity, change.keyResultId(),
                change.objectiveId(), cycleOf(kr), teamOf(kr), change.checkInId(), change.effectiveAt(),
                change.fromConfidence(), change.toConfidence(), raisedAt,
                "Confidence fell from %d (%s) to %d (%s)".formatted(change.fromConfidence(),
                        policy.bandOf(change.fromConfidence()), change.toConfidence(),
                        policy.bandOf(change.toConfidence()))));
    }

    /** A drop is over when a later check-in is back in the green band. */
    public boolean recoversFromConfidenceDrop(int confidence) {
        return policy.bandOf(confidence) == ConfidenceBand.GREEN;
    }

    /** An off-track key result should leave every check-in with a decision. Always RED. */
    public Optional<Alert> redWithoutDecision(CheckInRecorded checkIn, TrackedKeyResult kr, Instant raisedAt) {
        if (!isRed(checkIn.confidence()) || hasDecision(checkIn.decision())) {
            return Optional.empty();
        }
        return Optional.of(Alert.raised(AlertKind.RED_WITHOUT_DECISION, Severity.RED, checkIn.keyResultId(),
                checkIn.objectiveId(), cycleOf(kr), teamOf(kr), checkIn.checkInId(), checkIn.effectiveAt(), null,
                checkIn.confidence(), raisedAt,
                "Check-in in the red band (confidence %d) with no decision".formatted(checkIn.confidence())));
    }

    /** Over when a later check-in is out of the red band, or records a decision. */
    public boolean recoversFromRedWithoutDecision(int confidence, String decision) {
        return !isRed(confidence) || hasDecision(decision);
    }

    /**
     * Progress below expected progress minus the tolerance, at {@code at}: the key result's
     * {@link PacePlan} (linear, or along its planned checkpoints) judges it.
     */
    public boolean isBehindPace(TrackedKeyResult kr, CycleWindow cycle, BigDecimal value, Instant at) {
        return pace(kr, cycle, value, at).behind();
    }

    private PaceJudgement pace(TrackedKeyResult kr, CycleWindow cycle, BigDecimal value, Instant at) {
        return new PacePlan(cycle.startsOn(), cycle.endsOn(), kr.baseline(), kr.target(), kr.checkpoints())
                .judge(value, at, policy);
    }

    public Alert behindPace(TrackedKeyResult kr, CycleWindow cycle, UUID checkInId, BigDecimal value,
                            Instant effectiveAt, Instant raisedAt) {
        return behindPace(kr, cycle, checkInId, value, effectiveAt, raisedAt, null);
    }

    /** @param measuredBy the measurement the value came from, named in the reason; null for a check-in */
    public Alert behindPace(TrackedKeyResult kr, CycleWindow cycle, UUID checkInId, BigDecimal value,
                            Instant effectiveAt, Instant raisedAt, String measuredBy) {
        PaceJudgement pace = pace(kr, cycle, value, effectiveAt);
        return Alert.raised(AlertKind.BEHIND_PACE, Severity.AMBER, kr.keyResultId(), kr.objectiveId(),
                kr.cycleId(), kr.team(), checkInId, effectiveAt, null, null, raisedAt,
                String.format(Locale.ROOT, "Progress %.2f is below expected %.2f%s minus the tolerance %.2f",
                        pace.progress(), pace.expectedProgress(), pace.planned() ? " (planned checkpoints)" : "",
                        policy.paceTolerance())
                        + (measuredBy == null ? "" : "; measured: " + measuredBy));
    }

    /**
     * Missed check-in: the cycle is active, a check-in fell due inside the cycle (one cadence period
     * after the last one, or after the later of cycle start and the key result's definition when there
     * was none) and {@code now} is more than the grace past that. A key result no longer pursued
     * (dropped, or its objective retired) is never missed.
     */
    public Optional<Alert> missedCheckIn(TrackedKeyResult kr, CycleWindow cycle, Instant now) {
        if (cycle.status() != CycleStatus.ACTIVE || !kr.pursued()) {
            return Optional.empty();
        }
        Instant since = kr.lastEffectiveAt() != null ? kr.lastEffectiveAt()
                : latest(cycle.start(), kr.definedAt());
        Instant due = since.plus(Duration.ofDays(cycle.cadence().period().getDays()));
        if (!due.isBefore(cycle.end()) || !now.isAfter(due.plus(policy.missedCheckInGrace()))) {
            return Optional.empty();
        }
        return Optional.of(Alert.raised(AlertKind.MISSED_CHECK_IN, Severity.AMBER, kr.keyResultId(),
                kr.objectiveId(), kr.cycleId(), kr.team(), kr.lastCheckInId(), kr.lastEffectiveAt(), null, null, now,
                "No check-in since " + since + " (" + cycle.cadence() + " cadence, grace "
                        + policy.missedCheckInGrace() + ")"));
    }

    private boolean isRed(int confidence) {
        return policy.bandOf(confidence) == ConfidenceBand.RED;
    }

    private static boolean hasDecision(String decision) {
        return decision != null && !decision.isBlank();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static UUID cycleOf(TrackedKeyResult kr) {
        return kr == null ? null : kr.cycleId();
    }

    private static String teamOf(TrackedKeyResult kr) {
        return kr == null ? null : kr.team();
    }

    static UUID alertId(AlertKind kind, UUID keyResultId, UUID trigger) {
        return UUID.nameUUIDFromBytes((kind + "/" + keyResultId + "/" + trigger).getBytes(StandardCharsets.UTF_8));
    }
}
