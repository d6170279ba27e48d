package dev.okrledger.notifier.alert;

import dev.okrledger.contract.event.CheckInRecorded;
import dev.okrledger.contract.event.ConfidenceBand;
import dev.okrledger.contract.event.ConfidenceChanged;
import dev.okrledger.contract.event.CycleClosed;
import dev.okrledger.contract.event.KeyResultDropped;
import dev.okrledger.contract.event.KeyResultTargetChanged;
import dev.okrledger.contract.event.ObjectiveRetired;
import dev.okrledger.contract.event.OkrEvent;
import dev.okrledger.contract.policy.OkrPolicy;
import dev.okrledger.contract.policy.PaceJudgement;
import dev.okrledger.contract.policy.PacePlan;
import dev.okrledger.notifier.tracking.CycleStatus;
import dev.okrledger.notifier.tracking.CycleWindow;
import dev.okrledger.notifier.tracking.KeyResultChange;
import dev.okrledger.notifier.tracking.PaceMove;
import dev.okrledger.notifier.tracking.Reading;
import dev.okrledger.notifier.tracking.Tracked;
import dev.okrledger.notifier.tracking.TrackedKeyResult;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The alerting rules of docs/alerting.md, as pure functions of events, tracked state and the policy:
 * {@link #decide} turns what one event changed into decisions, the other rules are its parts.
 */
public final class AlertRules {

    private final OkrPolicy policy;

    public AlertRules(OkrPolicy policy) {
        this.policy = policy;
    }

    /**
     * The decisions for one event, in the order they are applied: for a check-in, its red-without-decision
     * raise, then the recoveries, then its pace; nothing for an event the tracking held already or for a key
     * result nobody pursues (but its own dropping or retirement, which resolves everything).
     */
    public List<Decision> decide(Tracked tracked) {
        List<Decision> decisions = new ArrayList<>();
        for (KeyResultChange change : tracked.keyResults()) {
            decide(tracked.event(), tracked.at(), change, decisions);
        }
        return decisions;
    }

    private void decide(OkrEvent event, Instant at, KeyResultChange change, List<Decision> decisions) {
        if (event instanceof KeyResultDropped || event instanceof ObjectiveRetired) {
            // nobody pursues the key result any more: none of its alerts is actionable
            decisions.add(new Decision.ResolveAll(
                    change.keyResultId(),
                    at,
                    event instanceof KeyResultDropped ? "key-result-dropped" : "objective-retired"));
            return;
        }
        if (event instanceof CycleClosed) {
            // nobody can check in any more: a silence is no longer actionable
            decisions.add(new Decision.Resolve(
                    change.keyResultId(), List.of(AlertKind.MISSED_CHECK_IN), null, at, "cycle-closed"));
            return;
        }
        TrackedKeyResult kr = change.after();
        if (!change.fresh() || kr != null && !kr.pursued()) {
            return; // nothing new, or kept but nobody pursues the key result
        }
        if (event instanceof CheckInRecorded checkIn) {
            redWithoutDecision(checkIn, kr, at).map(Decision.Raise::new).ifPresent(decisions::add);
            decisions.add(recovery(checkIn, at));
        } else if (event instanceof ConfidenceChanged drop) {
            confidenceDrop(drop, kr, at).map(Decision.Raise::new).ifPresent(decisions::add);
        }
        for (PaceMove move : change.paceMoves()) {
            if (move.behind()) {
                decisions.add(new Decision.Raise(behindPace(kr, move)));
            } else {
                String by = event instanceof KeyResultTargetChanged ? "target-changed" : cause(move.reading());
                decisions.add(
                        new Decision.Resolve(kr.keyResultId(), List.of(AlertKind.BEHIND_PACE), null, move.at(), by));
            }
        }
    }

    /** The open alerts of every kind this check-in ends, raised by an earlier one (in effective order). */
    private Decision recovery(CheckInRecorded checkIn, Instant at) {
        List<AlertKind> recovered = new ArrayList<>(List.of(AlertKind.MISSED_CHECK_IN));
        if (recoversFromConfidenceDrop(checkIn.confidence())) {
            recovered.add(AlertKind.CONFIDENCE_DROP);
        }
        if (recoversFromRedWithoutDecision(checkIn.confidence(), checkIn.decision())) {
            recovered.add(AlertKind.RED_WITHOUT_DECISION);
        }
        return new Decision.Resolve(
                checkIn.keyResultId(), recovered, checkIn.effectiveAt(), at, "check-in:" + checkIn.checkInId());
    }

    private static String cause(Reading reading) {
        return (reading.measured() ? "measurement:" : "check-in:") + reading.id();
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
        return Optional.of(Alert.raised(
                AlertKind.CONFIDENCE_DROP,
                severity,
                change.keyResultId(),
                change.objectiveId(),
                cycleOf(kr),
                teamOf(kr),
                change.checkInId(),
                change.effectiveAt(),
                change.fromConfidence(),
                change.toConfidence(),
                raisedAt,
                "Confidence fell from %d (%s) to %d (%s)"
                        .formatted(
                                change.fromConfidence(),
                                policy.bandOf(change.fromConfidence()),
                                change.toConfidence(),
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
        return Optional.of(Alert.raised(
                AlertKind.RED_WITHOUT_DECISION,
                Severity.RED,
                checkIn.keyResultId(),
                checkIn.objectiveId(),
                cycleOf(kr),
                teamOf(kr),
                checkIn.checkInId(),
                checkIn.effectiveAt(),
                null,
                checkIn.confidence(),
                raisedAt,
                "Check-in in the red band (confidence %d) with no decision".formatted(checkIn.confidence())));
    }

    /** Over when a later check-in is out of the red band, or records a decision. */
    public boolean recoversFromRedWithoutDecision(int confidence, String decision) {
        return !isRed(confidence) || hasDecision(decision);
    }

    /**
     * Progress below expected progress minus the tolerance, at {@code at}: the key result's
     * {@link PacePlan} (linear, or along its planned checkpoints) judges it, as the tracking step does for
     * every reading that becomes the latest value ({@link TrackedKeyResult#paceOf}).
     */
    public boolean isBehindPace(TrackedKeyResult kr, CycleWindow cycle, BigDecimal value, Instant at) {
        return kr.paceOf(value, at, cycle, policy).behind();
    }

    /** The BEHIND_PACE alert of a check-in's value, judged here; {@link #decide} takes the tracking step's judgement. */
    public Alert behindPace(
            TrackedKeyResult kr,
            CycleWindow cycle,
            UUID checkInId,
            BigDecimal value,
            Instant effectiveAt,
            Instant raisedAt) {
        return behindPace(kr, checkInId, effectiveAt, kr.paceOf(value, effectiveAt, cycle, policy), raisedAt, null);
    }

    /** Names the reading that fell behind; a measurement also in the reason. */
    private Alert behindPace(TrackedKeyResult kr, PaceMove move) {
        Reading reading = move.reading();
        String measuredBy = !reading.measured()
                ? null
                : "measurement " + reading.id() + (reading.source() == null ? "" : " from " + reading.source());
        return behindPace(kr, reading.id(), reading.at(), move.judgement(), move.at(), measuredBy);
    }

    /** @param measuredBy the measurement the value came from, named in the reason; null for a check-in */
    private Alert behindPace(
            TrackedKeyResult kr,
            UUID triggerId,
            Instant effectiveAt,
            PaceJudgement pace,
            Instant raisedAt,
            String measuredBy) {
        return Alert.raised(
                AlertKind.BEHIND_PACE,
                Severity.AMBER,
                kr.keyResultId(),
                kr.objectiveId(),
                kr.cycleId(),
                kr.team(),
                triggerId,
                effectiveAt,
                null,
                null,
                raisedAt,
                String.format(
                                Locale.ROOT,
                                "Progress %.2f is below expected %.2f%s minus the tolerance %.2f",
                                pace.progress(),
                                pace.expectedProgress(),
                                pace.planned() ? " (planned checkpoints)" : "",
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
        Instant since = kr.lastEffectiveAt() != null ? kr.lastEffectiveAt() : latest(cycle.start(), kr.definedAt());
        Instant due = since.plus(Duration.ofDays(cycle.cadence().period().getDays()));
        if (!due.isBefore(cycle.end()) || !now.isAfter(due.plus(policy.missedCheckInGrace()))) {
            return Optional.empty();
        }
        return Optional.of(Alert.raised(
                AlertKind.MISSED_CHECK_IN,
                Severity.AMBER,
                kr.keyResultId(),
                kr.objectiveId(),
                kr.cycleId(),
                kr.team(),
                kr.lastCheckInId(),
                kr.lastEffectiveAt(),
                null,
                null,
                now,
                "No check-in since " + since + " (" + cycle.cadence() + " cadence, grace " + policy.missedCheckInGrace()
                        + ")"));
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
