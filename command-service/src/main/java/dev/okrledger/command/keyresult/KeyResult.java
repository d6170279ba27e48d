package dev.okrledger.command.keyresult;

import dev.okrledger.command.directory.CycleFacts;
import dev.okrledger.command.directory.CycleFacts.CycleStatus;
import dev.okrledger.command.directory.ObjectiveFacts;
import dev.okrledger.command.web.InvalidInput;
import dev.okrledger.command.web.StateConflict;
import dev.okrledger.contract.event.CheckInRecorded;
import dev.okrledger.contract.event.ConfidenceChanged;
import dev.okrledger.contract.event.KeyResultDefined;
import dev.okrledger.contract.policy.OkrPolicy;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** Measurable evidence for one objective, and the history of its weekly check-ins. */
@Aggregate
public class KeyResult {

    /** Clocks of clients and servers drift: a check-in may claim to be this far in the future. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private record CheckIn(UUID checkInId, Instant effectiveAt, BigDecimal value, int confidence, String note,
                           String blockers, String decision) {

        boolean sameContentAs(RecordCheckIn command) {
            return value.compareTo(command.value()) == 0 && confidence == command.confidence()
                    && Objects.equals(note, command.note()) && Objects.equals(blockers, command.blockers())
                    && Objects.equals(decision, command.decision())
                    && (command.effectiveAt() == null || command.effectiveAt().equals(effectiveAt));
        }
    }

    @AggregateIdentifier
    private UUID keyResultId;
    private UUID objectiveId;
    private final Map<UUID, CheckIn> checkInsById = new HashMap<>();
    /** In effective order; ties keep the order of recording. */
    private final List<CheckIn> timeline = new ArrayList<>();

    protected KeyResult() {
        // for Axon
    }

    KeyResult(DefineKeyResult command, ObjectiveFacts objective, CycleFacts cycle) {
        if (cycle.status() == CycleStatus.CLOSED) {
            throw new StateConflict("cycle-not-closed", "Key results cannot be added in a closed cycle");
        }
        if (command.target().compareTo(command.baseline()) == 0) {
            throw new InvalidInput("target-differs-from-baseline", "target",
                    "A key result's target must differ from its baseline");
        }
        apply(new KeyResultDefined(command.keyResultId(), command.objectiveId(), objective.cycleId(),
                command.title(), command.unit(), command.baseline(), command.target(), command.indicator(),
                command.owner()));
    }

    CheckInOutcome recordCheckIn(RecordCheckIn command, CycleFacts cycle, Instant now, OkrPolicy policy) {
        CheckIn earlier = checkInsById.get(command.checkInId());
        if (earlier != null) {
            if (!earlier.sameContentAs(command)) {
                throw new StateConflict("check-in-id-reused",
                        "Check-in " + command.checkInId() + " was already recorded with different content");
            }
            return CheckInOutcome.ALREADY_RECORDED;
        }
        if (command.confidence() < OkrPolicy.MIN_CONFIDENCE || command.confidence() > OkrPolicy.MAX_CONFIDENCE) {
            throw new InvalidInput("confidence-range", "confidence", "Confidence must be between 0 and 10");
        }
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
        apply(new CheckInRecorded(keyResultId, objectiveId, command.checkInId(), effectiveAt, command.value(),
                command.confidence(), command.note(), command.blockers(), command.decision()));
        previous.filter(p -> p.confidence() != command.confidence())
                .ifPresent(p -> apply(new ConfidenceChanged(keyResultId, objectiveId, command.checkInId(), effectiveAt,
                        p.confidence(), command.confidence(),
                        policy.bandOf(p.confidence()), policy.bandOf(command.confidence()))));
        return CheckInOutcome.RECORDED;
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
    }

    @EventSourcingHandler
    void on(CheckInRecorded event) {
        CheckIn checkIn = new CheckIn(event.checkInId(), event.effectiveAt(), event.value(), event.confidence(),
                event.note(), event.blockers(), event.decision());
        checkInsById.put(event.checkInId(), checkIn);
        timeline.add(checkIn);
        // stable sort: equal moments keep the order in which they were recorded
        timeline.sort(Comparator.comparing(CheckIn::effectiveAt));
    }
}
