package dev.okrledger.notifier.support;

import dev.okrledger.contract.event.Cadence;
import dev.okrledger.contract.event.CheckInRecorded;
import dev.okrledger.contract.event.Checkpoint;
import dev.okrledger.contract.event.ConfidenceChanged;
import dev.okrledger.contract.event.CycleActivated;
import dev.okrledger.contract.event.CyclePlanned;
import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.contract.event.EventTypes;
import dev.okrledger.contract.event.Indicator;
import dev.okrledger.contract.event.KeyResultDefined;
import dev.okrledger.contract.event.KeyResultDropped;
import dev.okrledger.contract.event.KeyResultKind;
import dev.okrledger.contract.event.KeyResultOwnerChanged;
import dev.okrledger.contract.event.KeyResultTargetChanged;
import dev.okrledger.contract.event.MeasurementRecorded;
import dev.okrledger.contract.event.ObjectiveDefined;
import dev.okrledger.contract.event.ObjectiveLevel;
import dev.okrledger.contract.event.ObjectiveRetired;
import dev.okrledger.contract.event.OkrEvent;
import dev.okrledger.contract.policy.OkrPolicy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds envelopes as the command service would publish them, with per-aggregate sequences. */
public final class EventFeed {

    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<UUID, Integer> lastConfidence = new HashMap<>();

    public EventEnvelope envelope(String aggregateType, UUID aggregateId, OkrEvent event, Instant at) {
        long sequence = sequences.merge(aggregateId.toString(), 1L, Long::sum) - 1;
        return new EventEnvelope(
                UUID.randomUUID().toString(),
                EventTypes.of(event).name(),
                "1",
                aggregateType,
                aggregateId.toString(),
                sequence,
                at,
                "tester",
                "Tester",
                "corr",
                event);
    }

    public EventEnvelope cyclePlanned(UUID cycle, LocalDate startsOn, LocalDate endsOn) {
        return envelope("Cycle", cycle, new CyclePlanned(cycle, "Q", startsOn, endsOn, Cadence.WEEKLY), Instant.now());
    }

    public EventEnvelope cycleActivated(UUID cycle) {
        return envelope("Cycle", cycle, new CycleActivated(cycle), Instant.now());
    }

    public EventEnvelope objective(UUID objective, UUID cycle, String team) {
        return envelope(
                "Objective",
                objective,
                new ObjectiveDefined(objective, cycle, "Make support faster", ObjectiveLevel.TEAM, team, null),
                Instant.now());
    }

    public EventEnvelope keyResult(UUID kr, UUID objective, UUID cycle, String baseline, String target) {
        return envelope(
                "KeyResult",
                kr,
                new KeyResultDefined(
                        kr,
                        objective,
                        cycle,
                        "Reduce first response",
                        "h",
                        new BigDecimal(baseline),
                        new BigDecimal(target),
                        Indicator.LEADING,
                        "support-lead"),
                Instant.now());
    }

    public EventEnvelope keyResult(
            UUID kr, UUID objective, UUID cycle, String baseline, String target, List<Checkpoint> checkpoints) {
        return envelope(
                "KeyResult",
                kr,
                new KeyResultDefined(
                        kr,
                        objective,
                        cycle,
                        "Grow activation",
                        "%",
                        new BigDecimal(baseline),
                        new BigDecimal(target),
                        Indicator.LAGGING,
                        "growth-lead",
                        KeyResultKind.METRIC,
                        null,
                        List.of(),
                        checkpoints),
                Instant.now());
    }

    /** The check-in, followed by a ConfidenceChanged when its confidence differs from the previous one. */
    public EventEnvelope[] checkIn(
            UUID kr, UUID objective, UUID checkIn, Instant effectiveAt, String value, int confidence, String decision) {
        CheckInRecorded recorded = new CheckInRecorded(
                kr, objective, checkIn, effectiveAt, new BigDecimal(value), confidence, null, null, decision);
        EventEnvelope first = envelope("KeyResult", kr, recorded, Instant.now());
        Integer previous = lastConfidence.put(kr, confidence);
        if (previous == null || previous == confidence) {
            return new EventEnvelope[] {first};
        }
        OkrPolicy policy = OkrPolicy.defaults();
        return new EventEnvelope[] {
            first,
            envelope(
                    "KeyResult",
                    kr,
                    new ConfidenceChanged(
                            kr,
                            objective,
                            checkIn,
                            effectiveAt,
                            previous,
                            confidence,
                            policy.bandOf(previous),
                            policy.bandOf(confidence)),
                    Instant.now())
        };
    }

    public EventEnvelope targetChanged(UUID kr, UUID objective, String from, String to) {
        return envelope(
                "KeyResult",
                kr,
                new KeyResultTargetChanged(kr, objective, new BigDecimal(from), new BigDecimal(to), "Re-planned"),
                Instant.now());
    }

    public EventEnvelope ownerChanged(UUID kr, UUID objective, String from, String to) {
        return envelope("KeyResult", kr, new KeyResultOwnerChanged(kr, objective, from, to, "Handover"), Instant.now());
    }

    public EventEnvelope measurement(UUID kr, UUID objective, UUID measurement, Instant observedAt, String value) {
        return envelope(
                "KeyResult",
                kr,
                new MeasurementRecorded(
                        kr, objective, measurement, new BigDecimal(value), observedAt, "helpdesk-export"),
                Instant.now());
    }

    public EventEnvelope dropped(UUID kr, UUID objective) {
        return envelope("KeyResult", kr, new KeyResultDropped(kr, objective, "No longer relevant"), Instant.now());
    }

    public EventEnvelope retired(UUID objective) {
        return envelope("Objective", objective, new ObjectiveRetired(objective, "Strategy changed"), Instant.now());
    }
}
