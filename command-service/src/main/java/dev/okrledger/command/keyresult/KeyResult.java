package dev.okrledger.command.keyresult;

import dev.okrledger.command.directory.CycleFacts;
import dev.okrledger.command.directory.CycleFacts.CycleStatus;
import dev.okrledger.command.directory.ObjectiveFacts;
import dev.okrledger.command.initiative.Initiative;
import dev.okrledger.command.initiative.InitiativeCommands.AddInitiative;
import dev.okrledger.command.keyresult.KeyResultEdits.ChangeKeyResultOwner;
import dev.okrledger.command.keyresult.KeyResultEdits.ChangeKeyResultTarget;
import dev.okrledger.command.keyresult.KeyResultEdits.DropKeyResult;
import dev.okrledger.command.keyresult.KeyResultEdits.RewordKeyResult;
import dev.okrledger.command.shared.InvalidInput;
import dev.okrledger.command.shared.StateConflict;
import dev.okrledger.contract.event.CheckInRecorded;
import dev.okrledger.contract.event.Checkpoint;
import dev.okrledger.contract.event.ConfidenceChanged;
import dev.okrledger.contract.event.InitiativeAdded;
import dev.okrledger.contract.event.KeyResultDefined;
import dev.okrledger.contract.event.KeyResultDropped;
import dev.okrledger.contract.event.KeyResultGraded;
import dev.okrledger.contract.event.KeyResultKind;
import dev.okrledger.contract.event.KeyResultOwnerChanged;
import dev.okrledger.contract.event.KeyResultReworded;
import dev.okrledger.contract.event.KeyResultTargetChanged;
import dev.okrledger.contract.event.MeasurementRecorded;
import dev.okrledger.contract.policy.OkrPolicy;
import dev.okrledger.contract.policy.Progress;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Measurable evidence for one objective: its definition and every change to it, its weekly
 * check-ins and its grade at cycle close. Its {@link Initiative}s are entities with their own rules;
 * the key result decides only whether they may change at all.
 * <p>
 * Snapshots hold these fields as they are: raise the {@link Revision} whenever they change shape,
 * so older snapshots are passed over and the key result is rebuilt from its events.
 */
@Aggregate(snapshotTriggerDefinition = "keyResultSnapshotTrigger", cache = "keyResultCache")
@Revision("3")
public class KeyResult {

    /** Clocks of clients and servers drift: a check-in may claim to be this far in the future. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @AggregateIdentifier
    private UUID keyResultId;
    private UUID objectiveId;
    private UUID cycleId;
    private KeyResultKind kind;
    private String title;
    private String owner;
    private BigDecimal baseline;
    private BigDecimal target;
    private List<String> milestones = List.of();
    private boolean dropped;
    private boolean graded;
    private CheckIns checkIns = new CheckIns();
    private Measurements measurements = new Measurements();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private Map<UUID, Initiative> initiatives = new HashMap<>();

    protected KeyResult() {
        // for Axon
    }

    KeyResult(DefineKeyResult command, ObjectiveFacts objective, CycleFacts cycle) {
        if (cycle.status() == CycleStatus.CLOSED) {
            throw new StateConflict("cycle-not-closed", "Key results cannot be added in a closed cycle");
        }
        if (objective.retired()) {
            throw new StateConflict("objective-not-retired", "Key results cannot be added to a retired objective");
        }
        BigDecimal start = command.baseline();
        BigDecimal goal = command.target();
        String unit = command.unit();
        if (command.kind() == KeyResultKind.MILESTONE) {
            List<String> names = command.milestones().stream().map(String::strip).toList();
            if (names.isEmpty() || names.stream().anyMatch(String::isEmpty)) {
                throw new InvalidInput("milestone-key-result-has-milestones", "milestones",
                        "A milestone key result needs at least one named milestone");
            }
            if (new HashSet<>(names).size() != names.size()) {
                throw new InvalidInput("milestone-names-unique", "milestones", "Milestone names must be unique");
            }
            start = BigDecimal.ZERO;
            goal = BigDecimal.valueOf(names.size());
            unit = unit == null || unit.isBlank() ? "milestones" : unit;
        } else {
            if (start == null) {
                throw new InvalidInput("metric-key-result-has-baseline", "baseline", "A metric key result needs a baseline");
            }
            if (goal == null) {
                throw new InvalidInput("metric-key-result-has-target", "target", "A metric key result needs a target");
            }
            if (!command.milestones().isEmpty()) {
                throw new InvalidInput("metric-key-result-has-no-milestones", "milestones",
                        "Only a MILESTONE key result has milestones");
            }
            if (goal.compareTo(start) == 0) {
                throw new InvalidInput("target-differs-from-baseline", "target",
                        "A key result's target must differ from its baseline");
            }
        }
        for (Checkpoint checkpoint : command.checkpoints()) {
            if (checkpoint.date() == null || checkpoint.expectedValue() == null
                    || checkpoint.date().isBefore(cycle.startsOn()) || checkpoint.date().isAfter(cycle.endsOn())) {
                throw new InvalidInput("checkpoints-inside-cycle", "checkpoints",
                        "Every checkpoint needs a date inside the cycle and an expected value");
            }
        }
        apply(new KeyResultDefined(command.keyResultId(), command.objectiveId(), objective.cycleId(),
                command.title(), unit, start, goal, command.indicator(), command.owner(), command.kind(),
                command.measurement(), command.kind() == KeyResultKind.MILESTONE
                        ? command.milestones().stream().map(String::strip).toList() : List.of(),
                command.checkpoints().stream().sorted(Comparator.comparing(Checkpoint::date)).toList()));
    }

    CheckInOutcome.Status recordCheckIn(RecordCheckIn command, CycleFacts cycle, Instant now, OkrPolicy policy) {
        BigDecimal value = valueOf(command);
        Optional<CheckIn> earlier = checkIns.withId(command.checkInId());
        if (earlier.isPresent()) {
            if (!earlier.get().sameContentAs(command, value)) {
                throw new StateConflict("check-in-id-reused",
                        "Check-in " + command.checkInId() + " was already recorded with different content");
            }
            return CheckInOutcome.Status.ALREADY_RECORDED;
        }
        if (command.confidence() < OkrPolicy.MIN_CONFIDENCE || command.confidence() > OkrPolicy.MAX_CONFIDENCE) {
            throw new InvalidInput("confidence-range", "confidence", "Confidence must be between 0 and 10");
        }
        requireOpen();
        if (cycle.status() != CycleStatus.ACTIVE) {
            throw new StateConflict("check-in-needs-active-cycle",
                    "Check-ins are accepted only while the cycle is active; it is " + cycle.status());
        }
        Instant effectiveAt = command.effectiveAt() == null ? now : command.effectiveAt();
        if (effectiveAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidInput("effective-at-not-in-future", "effectiveAt", "A check-in cannot be effective in the future");
        }
        if (!cycle.covers(effectiveAt)) {
            throw new InvalidInput("effective-at-inside-cycle", "effectiveAt",
                    "effectiveAt must fall inside the cycle (" + cycle.startsOn() + " to " + cycle.endsOn() + ")");
        }
        Optional<CheckIn> previous = checkIns.inEffectAt(effectiveAt);
        apply(new CheckInRecorded(keyResultId, objectiveId, command.checkInId(), effectiveAt, value,
                command.confidence(), command.note(), command.blockers(), command.decision(),
                kind == KeyResultKind.MILESTONE ? List.copyOf(new LinkedHashSet<>(command.milestonesDone())) : List.of()));
        previous.filter(p -> p.confidence() != command.confidence())
                .ifPresent(p -> apply(new ConfidenceChanged(keyResultId, objectiveId, command.checkInId(), effectiveAt,
                        p.confidence(), command.confidence(),
                        policy.bandOf(p.confidence()), policy.bandOf(command.confidence()))));
        return CheckInOutcome.Status.RECORDED;
    }

    /**
     * A data source's value for a metric key result, effective at {@code observedAt}. It moves the
     * value and pace but carries no confidence, so it never changes confidence.
     */
    CheckInOutcome.Status recordMeasurement(RecordMeasurement command, CycleFacts cycle, Instant now) {
        Optional<Measurement> earlier = measurements.withId(command.measurementId());
        if (earlier.isPresent()) {
            if (!earlier.get().sameContentAs(command)) {
                throw new StateConflict("measurement-id-reused",
                        "Measurement " + command.measurementId() + " was already recorded with different content");
            }
            return CheckInOutcome.Status.ALREADY_RECORDED;
        }
        if (kind == KeyResultKind.MILESTONE) {
            throw new InvalidInput("measurement-on-metric-key-result", "keyResultId",
                    "A milestone key result is checked in by people; measurements feed metric key results only");
        }
        if (command.value() == null) {
            throw new InvalidInput("measurement-has-value", "value", "A measurement needs a value");
        }
        if (command.observedAt() == null) {
            throw new InvalidInput("measurement-has-observed-at", "observedAt", "A measurement needs observedAt");
        }
        requireOpen();
        if (cycle.status() != CycleStatus.ACTIVE) {
            throw new StateConflict("measurement-needs-active-cycle",
                    "Measurements are accepted only while the cycle is active; it is " + cycle.status());
        }
        if (command.observedAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidInput("observed-at-not-in-future", "observedAt", "A measurement cannot be observed in the future");
        }
        if (!cycle.covers(command.observedAt())) {
            throw new InvalidInput("observed-at-inside-cycle", "observedAt",
                    "observedAt must fall inside the cycle (" + cycle.startsOn() + " to " + cycle.endsOn() + ")");
        }
        apply(new MeasurementRecorded(keyResultId, objectiveId, command.measurementId(), command.value(),
                command.observedAt(), command.source()));
        return CheckInOutcome.Status.RECORDED;
    }

    /** A metric check-in states its value; a milestone check-in's value is the number of milestones done. */
    private BigDecimal valueOf(RecordCheckIn command) {
        if (kind == KeyResultKind.MILESTONE) {
            Set<String> done = new LinkedHashSet<>(command.milestonesDone());
            if (!milestones.containsAll(done)) {
                throw new InvalidInput("milestones-done-exist", "milestonesDone",
                        "Unknown milestone(s); this key result has " + milestones);
            }
            return BigDecimal.valueOf(done.size());
        }
        if (command.value() == null) {
            throw new InvalidInput("metric-check-in-has-value", "value", "A check-in on a metric key result needs a value");
        }
        return command.value();
    }

    void reword(RewordKeyResult command, CycleFacts cycle) {
        requireEditable(cycle);
        if (command.title().equals(title)) {
            throw new InvalidInput("edit-changes-something", "title", "The new title is the current title");
        }
        apply(new KeyResultReworded(keyResultId, objectiveId, title, command.title(), command.reason()));
    }

    void changeTarget(ChangeKeyResultTarget command, CycleFacts cycle) {
        requireEditable(cycle);
        if (kind == KeyResultKind.MILESTONE) {
            throw new InvalidInput("milestone-target-is-its-milestones", "target",
                    "A milestone key result's target is its number of milestones");
        }
        if (command.target().compareTo(baseline) == 0) {
            throw new InvalidInput("target-differs-from-baseline", "target", "A key result's target must differ from its baseline");
        }
        if (command.target().compareTo(target) == 0) {
            throw new InvalidInput("edit-changes-something", "target", "The new target is the current target");
        }
        apply(new KeyResultTargetChanged(keyResultId, objectiveId, target, command.target(), command.reason()));
    }

    void changeOwner(ChangeKeyResultOwner command, CycleFacts cycle) {
        requireEditable(cycle);
        if (command.owner().equals(owner)) {
            throw new InvalidInput("edit-changes-something", "owner", "The new owner is the current owner");
        }
        apply(new KeyResultOwnerChanged(keyResultId, objectiveId, owner, command.owner(), command.reason()));
    }

    void drop(DropKeyResult command, CycleFacts cycle) {
        requireEditable(cycle);
        apply(new KeyResultDropped(keyResultId, objectiveId, command.reason()));
    }

    /**
     * At cycle close: the score is the progress of the last value in effective order, from a
     * check-in or a measurement (0 without either).
     */
    public void grade() {
        if (dropped || graded) {
            return;
        }
        Optional<BigDecimal> last = lastValue();
        apply(new KeyResultGraded(keyResultId, objectiveId, cycleId, last.orElse(null),
                Progress.of(baseline, target, last.orElse(baseline))));
    }

    /** The latest value in effective order; at the very same moment a person's check-in wins over a measurement. */
    private Optional<BigDecimal> lastValue() {
        Optional<CheckIn> checkIn = checkIns.last();
        Optional<Measurement> measurement = measurements.latest();
        if (measurement.isPresent()
                && (checkIn.isEmpty() || measurement.get().observedAt().isAfter(checkIn.get().effectiveAt()))) {
            return Optional.of(measurement.get().value());
        }
        return checkIn.map(CheckIn::value);
    }

    void addInitiative(AddInitiative command, CycleFacts cycle) {
        requireEditable(cycle);
        if (initiatives.containsKey(command.initiativeId())) {
            throw new StateConflict("initiative-id-unique", "Initiative " + command.initiativeId() + " exists already");
        }
        apply(Initiative.added(keyResultId, objectiveId, command));
    }

    /** One of its initiatives, to change: only while the key result is open and its cycle is not closed. */
    Initiative initiativeToChange(UUID initiativeId, CycleFacts cycle) {
        requireEditable(cycle);
        Initiative initiative = initiatives.get(initiativeId);
        if (initiative == null) {
            throw new InvalidInput("initiative-exists", "initiativeId", "No initiative " + initiativeId + " on this key result");
        }
        return initiative;
    }

    /** A pivot may name the check-in that decided it, which must be one of this key result's. */
    boolean hasCheckIn(UUID checkInId) {
        return checkIns.contains(checkInId);
    }

    private void requireOpen() {
        if (dropped) {
            throw new StateConflict("key-result-not-dropped", "This key result was dropped");
        }
    }

    private void requireEditable(CycleFacts cycle) {
        requireOpen();
        if (cycle.status() == CycleStatus.CLOSED) {
            throw new StateConflict("cycle-not-closed", "The cycle is closed; its key results are final");
        }
    }

    @EventSourcingHandler
    void on(KeyResultDefined event) {
        keyResultId = event.keyResultId();
        objectiveId = event.objectiveId();
        cycleId = event.cycleId();
        kind = event.kind();
        title = event.title();
        owner = event.owner();
        baseline = event.baseline();
        target = event.target();
        milestones = event.milestones();
    }

    @EventSourcingHandler
    void on(CheckInRecorded event) {
        checkIns.record(new CheckIn(event.checkInId(), event.effectiveAt(), event.value(), event.confidence(),
                event.note(), event.blockers(), event.decision(), event.milestonesDone()));
    }

    @EventSourcingHandler
    void on(MeasurementRecorded event) {
        measurements.record(new Measurement(event.measurementId(), event.value(), event.observedAt(), event.source()));
    }

    @EventSourcingHandler
    void on(KeyResultReworded event) {
        title = event.toTitle();
    }

    @EventSourcingHandler
    void on(KeyResultTargetChanged event) {
        target = event.toTarget();
    }

    @EventSourcingHandler
    void on(KeyResultOwnerChanged event) {
        owner = event.toOwner();
    }

    @EventSourcingHandler
    void on(KeyResultDropped event) {
        dropped = true;
    }

    @EventSourcingHandler
    void on(KeyResultGraded event) {
        graded = true;
    }

    @EventSourcingHandler
    void on(InitiativeAdded event) {
        initiatives.put(event.initiativeId(), Initiative.from(event));
    }
}
