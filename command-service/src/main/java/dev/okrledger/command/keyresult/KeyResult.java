package dev.okrledger.command.keyresult;

import dev.okrledger.command.directory.CycleFacts;
import dev.okrledger.command.directory.CycleFacts.CycleStatus;
import dev.okrledger.command.directory.ObjectiveFacts;
import dev.okrledger.command.initiative.InitiativeCommands.AddInitiative;
import dev.okrledger.command.initiative.InitiativeCommands.CompleteInitiative;
import dev.okrledger.command.initiative.InitiativeCommands.PivotInitiative;
import dev.okrledger.command.initiative.InitiativeCommands.StartInitiative;
import dev.okrledger.command.initiative.InitiativeCommands.StopInitiative;
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
import dev.okrledger.contract.policy.OkrPolicy;
import dev.okrledger.contract.policy.Progress;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Measurable evidence for one objective: its definition and every change to it, its weekly
 * check-ins, its initiatives and pivots, and its grade at cycle close.
 */
@Aggregate(snapshotTriggerDefinition = "keyResultSnapshotTrigger", cache = "keyResultCache")
public class KeyResult {

    /** Clocks of clients and servers drift: a check-in may claim to be this far in the future. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    record CheckIn(UUID checkInId, Instant effectiveAt, BigDecimal value, int confidence, String note,
                   String blockers, String decision, List<String> milestonesDone) {

        boolean sameContentAs(RecordCheckIn command, BigDecimal commandValue) {
            return value.compareTo(commandValue) == 0 && confidence == command.confidence()
                    && Objects.equals(note, command.note()) && Objects.equals(blockers, command.blockers())
                    && Objects.equals(decision, command.decision())
                    && Set.copyOf(milestonesDone).equals(Set.copyOf(command.milestonesDone()))
                    && (command.effectiveAt() == null || command.effectiveAt().equals(effectiveAt));
        }
    }

    record Initiative(UUID initiativeId, String title, String approach, InitiativeStatus status) {

        Initiative with(InitiativeStatus newStatus) {
            return new Initiative(initiativeId, title, approach, newStatus);
        }
    }

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
    private Map<UUID, CheckIn> checkInsById = new HashMap<>();
    /** In effective order; ties keep the order of recording. */
    private List<CheckIn> timeline = new ArrayList<>();
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
        CheckIn earlier = checkInsById.get(command.checkInId());
        if (earlier != null) {
            if (!earlier.sameContentAs(command, value)) {
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
        Optional<CheckIn> previous = lastEffectiveAtOrBefore(effectiveAt);
        apply(new CheckInRecorded(keyResultId, objectiveId, command.checkInId(), effectiveAt, value,
                command.confidence(), command.note(), command.blockers(), command.decision(),
                kind == KeyResultKind.MILESTONE ? List.copyOf(new LinkedHashSet<>(command.milestonesDone())) : List.of()));
        previous.filter(p -> p.confidence() != command.confidence())
                .ifPresent(p -> apply(new ConfidenceChanged(keyResultId, objectiveId, command.checkInId(), effectiveAt,
                        p.confidence(), command.confidence(),
                        policy.bandOf(p.confidence()), policy.bandOf(command.confidence()))));
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

    /** At cycle close: the score is the progress of the last value in effective order (0 without check-ins). */
    public void grade() {
        if (dropped || graded) {
            return;
        }
        BigDecimal last = timeline.isEmpty() ? baseline : timeline.get(timeline.size() - 1).value();
        apply(new KeyResultGraded(keyResultId, objectiveId, cycleId, timeline.isEmpty() ? null : last,
                Progress.of(baseline, target, last)));
    }

    void addInitiative(AddInitiative command, CycleFacts cycle) {
        requireEditable(cycle);
        if (initiatives.containsKey(command.initiativeId())) {
            throw new StateConflict("initiative-id-unique", "Initiative " + command.initiativeId() + " exists already");
        }
        InitiativeStatus status = command.status() == null ? InitiativeStatus.ACTIVE : command.status();
        if (status != InitiativeStatus.PLANNED && status != InitiativeStatus.ACTIVE) {
            throw new InvalidInput("initiative-starts-planned-or-active", "status",
                    "A new initiative is PLANNED or ACTIVE");
        }
        apply(new InitiativeAdded(keyResultId, objectiveId, command.initiativeId(), command.title(),
                command.approach(), status));
    }

    void startInitiative(StartInitiative command, CycleFacts cycle) {
        requireEditable(cycle);
        requireInitiativeIn(command.initiativeId(), Set.of(InitiativeStatus.PLANNED), "start");
        apply(new InitiativeStarted(keyResultId, objectiveId, command.initiativeId()));
    }

    void pivotInitiative(PivotInitiative command, CycleFacts cycle) {
        requireEditable(cycle);
        Initiative initiative = requireInitiativeIn(command.initiativeId(),
                Set.of(InitiativeStatus.PLANNED, InitiativeStatus.ACTIVE), "pivot");
        if (command.checkInId() != null && !checkInsById.containsKey(command.checkInId())) {
            throw new InvalidInput("pivot-links-a-check-in-of-this-key-result", "checkInId",
                    "No check-in " + command.checkInId() + " on this key result");
        }
        if (command.toApproach().equals(initiative.approach())) {
            throw new InvalidInput("edit-changes-something", "toApproach", "The new approach is the current approach");
        }
        apply(new InitiativePivoted(keyResultId, objectiveId, command.initiativeId(), initiative.approach(),
                command.toApproach(), command.reason(), command.checkInId()));
    }

    void stopInitiative(StopInitiative command, CycleFacts cycle) {
        requireEditable(cycle);
        requireInitiativeIn(command.initiativeId(), Set.of(InitiativeStatus.PLANNED, InitiativeStatus.ACTIVE), "stop");
        apply(new InitiativeStopped(keyResultId, objectiveId, command.initiativeId(), command.reason()));
    }

    void completeInitiative(CompleteInitiative command, CycleFacts cycle) {
        requireEditable(cycle);
        requireInitiativeIn(command.initiativeId(), Set.of(InitiativeStatus.ACTIVE), "complete");
        apply(new InitiativeCompleted(keyResultId, objectiveId, command.initiativeId()));
    }

    private Initiative requireInitiativeIn(UUID initiativeId, Set<InitiativeStatus> allowed, String action) {
        Initiative initiative = initiatives.get(initiativeId);
        if (initiative == null) {
            throw new InvalidInput("initiative-exists", "initiativeId", "No initiative " + initiativeId + " on this key result");
        }
        if (!allowed.contains(initiative.status())) {
            throw new StateConflict("initiative-" + action + "-from-" + allowed.stream().map(Enum::name).sorted()
                    .map(String::toLowerCase).reduce((a, b) -> a + "-or-" + b).orElse(""),
                    "Cannot " + action + " an initiative that is " + initiative.status());
        }
        return initiative;
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

    private Optional<CheckIn> lastEffectiveAtOrBefore(Instant moment) {
        CheckIn found = null;
        for (CheckIn c : timeline) {
            if (c.effectiveAt().isAfter(moment)) {
                break;
            }
            found = c;
        }
        return Optional.ofNullable(found);
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
        CheckIn checkIn = new CheckIn(event.checkInId(), event.effectiveAt(), event.value(), event.confidence(),
                event.note(), event.blockers(), event.decision(), event.milestonesDone());
        checkInsById.put(event.checkInId(), checkIn);
        timeline.add(checkIn);
        // stable sort: equal moments keep the order in which they were recorded
        timeline.sort(Comparator.comparing(CheckIn::effectiveAt));
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
        initiatives.put(event.initiativeId(),
                new Initiative(event.initiativeId(), event.title(), event.approach(), event.status()));
    }

    @EventSourcingHandler
    void on(InitiativeStarted event) {
        initiatives.computeIfPresent(event.initiativeId(), (id, i) -> i.with(InitiativeStatus.ACTIVE));
    }

    @EventSourcingHandler
    void on(InitiativePivoted event) {
        initiatives.computeIfPresent(event.initiativeId(),
                (id, i) -> new Initiative(id, i.title(), event.toApproach(), i.status()));
    }

    @EventSourcingHandler
    void on(InitiativeStopped event) {
        initiatives.computeIfPresent(event.initiativeId(), (id, i) -> i.with(InitiativeStatus.STOPPED));
    }

    @EventSourcingHandler
    void on(InitiativeCompleted event) {
        initiatives.computeIfPresent(event.initiativeId(), (id, i) -> i.with(InitiativeStatus.DONE));
    }
}
