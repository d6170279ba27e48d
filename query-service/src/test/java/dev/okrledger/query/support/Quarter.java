package dev.okrledger.query.support;

import dev.okrledger.contract.event.Cadence;
import dev.okrledger.contract.event.CheckInRecorded;
import dev.okrledger.contract.event.Checkpoint;
import dev.okrledger.contract.event.ConfidenceChanged;
import dev.okrledger.contract.event.CycleActivated;
import dev.okrledger.contract.event.CycleClosed;
import dev.okrledger.contract.event.CyclePlanned;
import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.contract.event.EventTypes;
import dev.okrledger.contract.event.Indicator;
import dev.okrledger.contract.event.InitiativeAdded;
import dev.okrledger.contract.event.InitiativeCompleted;
import dev.okrledger.contract.event.InitiativePivoted;
import dev.okrledger.contract.event.InitiativeStarted;
import dev.okrledger.contract.event.InitiativeStatus;
import dev.okrledger.contract.event.InitiativeStopped;
import dev.okrledger.contract.event.KeyResultDefined;
import dev.okrledger.contract.event.KeyResultDropped;
import dev.okrledger.contract.event.KeyResultGraded;
import dev.okrledger.contract.event.KeyResultKind;
import dev.okrledger.contract.event.KeyResultOwnerChanged;
import dev.okrledger.contract.event.KeyResultReworded;
import dev.okrledger.contract.event.KeyResultTargetChanged;
import dev.okrledger.contract.event.MeasurementDefinition;
import dev.okrledger.contract.event.MeasurementRecorded;
import dev.okrledger.contract.event.ObjectiveDefined;
import dev.okrledger.contract.event.ObjectiveLevel;
import dev.okrledger.contract.event.ObjectiveRealigned;
import dev.okrledger.contract.event.ObjectiveRetired;
import dev.okrledger.contract.event.ObjectiveRetrospectiveRecorded;
import dev.okrledger.contract.event.ObjectiveReworded;
import dev.okrledger.contract.event.OkrEvent;
import dev.okrledger.contract.policy.OkrPolicy;
import dev.okrledger.intake.EventIntake;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes events of one cycle as the command side would publish them: per-aggregate sequences,
 * envelope occurredAt = when recorded (set by the test), ConfidenceChanged after a changed check-in.
 */
public final class Quarter {

    private final EventIntake intake;
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<UUID, UUID> objectiveOfKeyResult = new HashMap<>();
    private final Map<UUID, Integer> lastConfidence = new HashMap<>();
    public final UUID cycleId = UUID.randomUUID();
    public final LocalDate startsOn;
    public final LocalDate endsOn;
    private Instant clock;
    private EventEnvelope last;

    public Quarter(EventIntake intake, LocalDate startsOn, int weeks) {
        this.intake = intake;
        this.startsOn = startsOn;
        this.endsOn = startsOn.plusWeeks(weeks);
        this.clock = startsOn.atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(3600);
    }

    /** Noon of day {@code 7 * week - 1}: the demo's moment for week N's check-in. */
    public Instant week(int week) {
        return day(7 * week - 1).plusSeconds(12 * 3600);
    }

    public Instant day(int day) {
        return startsOn.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The moment the next events are recorded at. */
    public Quarter at(Instant recordedAt) {
        clock = recordedAt;
        return this;
    }

    public Quarter plannedAndActive() {
        publish(cycleId.toString(), new CyclePlanned(cycleId, "Q", startsOn, endsOn, Cadence.WEEKLY));
        publish(cycleId.toString(), new CycleActivated(cycleId));
        return this;
    }

    public Quarter closed() {
        publish(cycleId.toString(), new CycleClosed(cycleId));
        return this;
    }

    public UUID objective(String title, ObjectiveLevel level, String team, UUID parent) {
        UUID id = UUID.randomUUID();
        publish(id.toString(), new ObjectiveDefined(id, cycleId, title, level, team, parent));
        return id;
    }

    /** A metric key result with a measurement definition. */
    public UUID keyResult(UUID objectiveId, String title, double baseline, double target) {
        return keyResult(
                objectiveId,
                title,
                baseline,
                target,
                new MeasurementDefinition("counted " + title, null, "source of " + title));
    }

    public UUID keyResult(
            UUID objectiveId, String title, double baseline, double target, MeasurementDefinition measurement) {
        UUID id = UUID.randomUUID();
        objectiveOfKeyResult.put(id, objectiveId);
        publish(
                id.toString(),
                new KeyResultDefined(
                        id,
                        objectiveId,
                        cycleId,
                        title,
                        "units",
                        BigDecimal.valueOf(baseline),
                        BigDecimal.valueOf(target),
                        Indicator.LEADING,
                        "owner-" + title,
                        KeyResultKind.METRIC,
                        measurement,
                        List.of(),
                        List.of()));
        return id;
    }

    /** A metric key result whose expected progress follows planned checkpoints. */
    public UUID plannedKeyResult(
            UUID objectiveId, String title, double baseline, double target, Checkpoint... checkpoints) {
        UUID id = UUID.randomUUID();
        objectiveOfKeyResult.put(id, objectiveId);
        publish(
                id.toString(),
                new KeyResultDefined(
                        id,
                        objectiveId,
                        cycleId,
                        title,
                        "units",
                        BigDecimal.valueOf(baseline),
                        BigDecimal.valueOf(target),
                        Indicator.LEADING,
                        "owner-" + title,
                        KeyResultKind.METRIC,
                        new MeasurementDefinition("counted " + title, null, "source of " + title),
                        List.of(),
                        List.of(checkpoints)));
        return id;
    }

    /** By the start of day {@code day} of the cycle the value should be {@code expectedValue}. */
    public Checkpoint checkpoint(int day, double expectedValue) {
        return new Checkpoint(startsOn.plusDays(day), BigDecimal.valueOf(expectedValue));
    }

    /** A milestone key result: baseline 0, target the number of milestones, value the number done. */
    public UUID milestoneKeyResult(UUID objectiveId, String title, String... milestones) {
        UUID id = UUID.randomUUID();
        objectiveOfKeyResult.put(id, objectiveId);
        publish(
                id.toString(),
                new KeyResultDefined(
                        id,
                        objectiveId,
                        cycleId,
                        title,
                        "milestones",
                        BigDecimal.ZERO,
                        BigDecimal.valueOf(milestones.length),
                        Indicator.LAGGING,
                        "owner-" + title,
                        KeyResultKind.MILESTONE,
                        null,
                        List.of(milestones),
                        List.of()));
        return id;
    }

    /** A check-in of a milestone key result: its value is the number done. */
    public UUID milestonesDone(UUID keyResultId, Instant effectiveAt, int confidence, String... done) {
        UUID id = UUID.randomUUID();
        publish(
                keyResultId.toString(),
                new CheckInRecorded(
                        keyResultId,
                        objectiveOfKeyResult.get(keyResultId),
                        id,
                        effectiveAt,
                        BigDecimal.valueOf(done.length),
                        confidence,
                        null,
                        null,
                        null,
                        List.of(done)));
        lastConfidence.put(keyResultId, confidence);
        return id;
    }

    public void rewordObjective(UUID objectiveId, String from, String to) {
        publish(objectiveId.toString(), new ObjectiveReworded(objectiveId, from, to, "clearer"));
    }

    public void realign(UUID objectiveId, UUID fromParent, UUID toParent) {
        publish(objectiveId.toString(), new ObjectiveRealigned(objectiveId, fromParent, toParent, "reorg"));
    }

    public void retire(UUID objectiveId, String reason) {
        publish(objectiveId.toString(), new ObjectiveRetired(objectiveId, reason));
    }

    public void retrospectiveNote(UUID objectiveId, String note) {
        publish(objectiveId.toString(), new ObjectiveRetrospectiveRecorded(objectiveId, cycleId, note));
    }

    public void rewordKeyResult(UUID keyResultId, String from, String to) {
        publish(
                keyResultId.toString(),
                new KeyResultReworded(keyResultId, objectiveOfKeyResult.get(keyResultId), from, to, "clearer"));
    }

    public void changeTarget(UUID keyResultId, double from, double to, String reason) {
        publish(
                keyResultId.toString(),
                new KeyResultTargetChanged(
                        keyResultId,
                        objectiveOfKeyResult.get(keyResultId),
                        BigDecimal.valueOf(from),
                        BigDecimal.valueOf(to),
                        reason));
    }

    public void changeOwner(UUID keyResultId, String from, String to) {
        publish(
                keyResultId.toString(),
                new KeyResultOwnerChanged(keyResultId, objectiveOfKeyResult.get(keyResultId), from, to, "handover"));
    }

    public void drop(UUID keyResultId, String reason) {
        publish(
                keyResultId.toString(),
                new KeyResultDropped(keyResultId, objectiveOfKeyResult.get(keyResultId), reason));
    }

    public void grade(UUID keyResultId, Double finalValue, double score) {
        publish(
                keyResultId.toString(),
                new KeyResultGraded(
                        keyResultId,
                        objectiveOfKeyResult.get(keyResultId),
                        cycleId,
                        finalValue == null ? null : BigDecimal.valueOf(finalValue),
                        score));
    }

    public UUID initiative(UUID keyResultId, String title, String approach, InitiativeStatus status) {
        UUID id = UUID.randomUUID();
        publish(
                keyResultId.toString(),
                new InitiativeAdded(keyResultId, objectiveOfKeyResult.get(keyResultId), id, title, approach, status));
        return id;
    }

    public void startInitiative(UUID keyResultId, UUID initiativeId) {
        publish(
                keyResultId.toString(),
                new InitiativeStarted(keyResultId, objectiveOfKeyResult.get(keyResultId), initiativeId));
    }

    public void pivot(UUID keyResultId, UUID initiativeId, String from, String to, String reason, UUID checkInId) {
        publish(
                keyResultId.toString(),
                new InitiativePivoted(
                        keyResultId, objectiveOfKeyResult.get(keyResultId), initiativeId, from, to, reason, checkInId));
    }

    public void stopInitiative(UUID keyResultId, UUID initiativeId, String reason) {
        publish(
                keyResultId.toString(),
                new InitiativeStopped(keyResultId, objectiveOfKeyResult.get(keyResultId), initiativeId, reason));
    }

    public void completeInitiative(UUID keyResultId, UUID initiativeId) {
        publish(
                keyResultId.toString(),
                new InitiativeCompleted(keyResultId, objectiveOfKeyResult.get(keyResultId), initiativeId));
    }

    public UUID checkIn(UUID keyResultId, Instant effectiveAt, double value, int confidence) {
        return checkIn(keyResultId, effectiveAt, value, confidence, null, null, null);
    }

    /** Assumes check-ins arrive in effective order unless backdated on purpose (then no ConfidenceChanged). */
    public UUID checkIn(
            UUID keyResultId,
            Instant effectiveAt,
            double value,
            int confidence,
            String note,
            String blockers,
            String decision) {
        UUID id = UUID.randomUUID();
        UUID objectiveId = objectiveOfKeyResult.get(keyResultId);
        publish(
                keyResultId.toString(),
                new CheckInRecorded(
                        keyResultId,
                        objectiveId,
                        id,
                        effectiveAt,
                        BigDecimal.valueOf(value),
                        confidence,
                        note,
                        blockers,
                        decision));
        Integer before = lastConfidence.put(keyResultId, confidence);
        if (before != null && before != confidence) {
            OkrPolicy policy = OkrPolicy.defaults();
            publish(
                    keyResultId.toString(),
                    new ConfidenceChanged(
                            keyResultId,
                            objectiveId,
                            id,
                            effectiveAt,
                            before,
                            confidence,
                            policy.bandOf(before),
                            policy.bandOf(confidence)));
        }
        return id;
    }

    /** A measurement from a data source: a value without confidence, effective at {@code observedAt}. */
    public UUID measure(UUID keyResultId, Instant observedAt, double value, String source) {
        UUID id = UUID.randomUUID();
        publish(
                keyResultId.toString(),
                new MeasurementRecorded(
                        keyResultId,
                        objectiveOfKeyResult.get(keyResultId),
                        id,
                        BigDecimal.valueOf(value),
                        observedAt,
                        source));
        return id;
    }

    private void publish(String aggregateId, OkrEvent event) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        clock = clock.plusMillis(1);
        last = new EventEnvelope(
                UUID.randomUUID().toString(),
                EventTypes.of(event).name(),
                "1",
                aggregateType(event),
                aggregateId,
                sequence,
                clock,
                "ana",
                "Ana",
                UUID.randomUUID().toString(),
                event);
        intake.accept(last);
    }

    /** The last event once more, as Kafka may deliver it again. */
    public void redeliverLast() {
        intake.accept(last);
    }

    private static String aggregateType(OkrEvent event) {
        String name = event.getClass().getSimpleName();
        if (name.startsWith("Objective")) {
            return "Objective";
        }
        if (name.startsWith("KeyResult") || name.startsWith("Initiative")) {
            return "KeyResult";
        }
        return name.replaceAll("(Planned|Activated|Closed|Defined|Recorded|Changed)$", "");
    }
}
