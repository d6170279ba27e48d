package dev.okrledger.notifier.tracking;

import dev.okrledger.contract.event.CheckInRecorded;
import dev.okrledger.contract.event.ConfidenceChanged;
import dev.okrledger.contract.event.CycleActivated;
import dev.okrledger.contract.event.CycleClosed;
import dev.okrledger.contract.event.CyclePlanned;
import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.contract.event.KeyResultDefined;
import dev.okrledger.contract.event.KeyResultDropped;
import dev.okrledger.contract.event.KeyResultOwnerChanged;
import dev.okrledger.contract.event.KeyResultTargetChanged;
import dev.okrledger.contract.event.MeasurementRecorded;
import dev.okrledger.contract.event.ObjectiveDefined;
import dev.okrledger.contract.event.ObjectiveRetired;
import dev.okrledger.contract.event.OkrEvent;
import dev.okrledger.contract.policy.OkrPolicy;
import dev.okrledger.contract.policy.PaceJudgement;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps the notifier's own view of cycles, objectives, key results and check-ins, and returns what each
 * event changed ({@link Tracked}): the key results before and after, and the readings that turned their
 * pace. Pace is judged here, once per reading that becomes a key result's latest value, and kept on the
 * key result. Not an EventProjection itself: the alert projection calls it first, in the same transaction.
 */
@Component
public class TrackingProjection {

    /** A reading to judge, and the moment a turn of pace is dated. */
    private record Due(Reading reading, Instant at) {}

    private final TrackingWriter store;
    private final OkrPolicy policy;

    TrackingProjection(TrackingWriter store, OkrPolicy policy) {
        this.store = store;
        this.policy = policy;
    }

    public Tracked apply(EventEnvelope envelope) {
        return new Tracked(envelope.payload(), envelope.occurredAt(), track(envelope.payload(), envelope.occurredAt()));
    }

    private List<KeyResultChange> track(OkrEvent event, Instant at) {
        if (event instanceof CheckInRecorded e) {
            return List.of(recordCheckIn(e, at));
        } else if (event instanceof ConfidenceChanged e) {
            return List.of(KeyResultChange.unchanged(
                    e.keyResultId(),
                    store.keyResultForUpdate(e.keyResultId())
                            .map(KeyResultState::keyResult)
                            .orElse(null)));
        } else if (event instanceof MeasurementRecorded e) {
            return List.of(recordMeasurement(e, at));
        } else if (event instanceof KeyResultTargetChanged e) {
            return List.of(changeTarget(e, at));
        } else if (event instanceof CyclePlanned e) {
            return planCycle(e);
        } else if (event instanceof CycleActivated e) {
            store.setCycleStatus(e.cycleId(), CycleStatus.ACTIVE);
        } else if (event instanceof CycleClosed e) {
            store.setCycleStatus(e.cycleId(), CycleStatus.CLOSED);
            return store.keyResultsOfCycle(e.cycleId()).stream()
                    .map(s -> KeyResultChange.unchanged(s.keyResult().keyResultId(), s.keyResult()))
                    .toList();
        } else if (event instanceof ObjectiveDefined e) {
            store.defineObjective(e);
        } else if (event instanceof KeyResultDefined e) {
            store.defineKeyResult(e, at);
        } else if (event instanceof KeyResultOwnerChanged e) {
            store.changeOwner(e.keyResultId(), e.toOwner());
        } else if (event instanceof KeyResultDropped e) {
            TrackedKeyResult before = store.keyResultForUpdate(e.keyResultId())
                    .map(KeyResultState::keyResult)
                    .orElse(null);
            store.dropKeyResult(e.keyResultId());
            return List.of(noLongerPursued(e.keyResultId(), before));
        } else if (event instanceof ObjectiveRetired e) {
            List<KeyResultState> keyResults = store.keyResultsOfObjective(e.objectiveId());
            store.retireObjective(e.objectiveId());
            return keyResults.stream()
                    .map(s -> noLongerPursued(s.keyResult().keyResultId(), s.keyResult()))
                    .toList();
        }
        return List.of();
    }

    /**
     * Keeps the check-in. Only one that becomes the key result's latest in effective order moves its state
     * (a late, backdated one is kept but does not), and only one that also holds the latest value (none of
     * the measurements is later) is judged for pace.
     */
    private KeyResultChange recordCheckIn(CheckInRecorded e, Instant at) {
        KeyResultState state = store.keyResultForUpdate(e.keyResultId()).orElse(null);
        TrackedKeyResult before = state == null ? null : state.keyResult();
        Instant lastCheckIn = before == null ? null : before.lastEffectiveAt();
        // of two check-ins at one moment the one recorded later is the latest, as on the command and query sides
        boolean latest = lastCheckIn == null || !e.effectiveAt().isBefore(lastCheckIn);
        if (!store.addCheckIn(e, at, latest)) {
            return KeyResultChange.seenBefore(e.keyResultId(), before);
        }
        if (!latest || before == null) {
            return KeyResultChange.unchanged(e.keyResultId(), before);
        }
        // at the very moment of the latest measurement the check-in wins (a person's word over a feed)
        boolean holdsValue = state.lastValueAt() == null || !e.effectiveAt().isBefore(state.lastValueAt());
        store.checkInBecameLatest(e, holdsValue);
        TrackedKeyResult after = before.withLatestCheckIn(e.checkInId(), e.effectiveAt());
        Reading reading = new Reading(e.checkInId(), false, e.value(), e.effectiveAt(), null);
        return judged(before, after, holdsValue ? List.of(new Due(reading, at)) : List.of());
    }

    /** A measurement later than every value so far holds the latest value; at the moment of a check-in it does not. */
    private KeyResultChange recordMeasurement(MeasurementRecorded e, Instant at) {
        KeyResultState state = store.keyResultForUpdate(e.keyResultId()).orElse(null);
        if (state == null) {
            return KeyResultChange.unchanged(e.keyResultId(), null);
        }
        if (state.lastValueAt() != null && !e.observedAt().isAfter(state.lastValueAt())) {
            return KeyResultChange.seenBefore(e.keyResultId(), state.keyResult());
        }
        store.measurementBecameLatest(e);
        Reading reading = new Reading(e.measurementId(), true, e.value(), e.observedAt(), e.source());
        return judged(state.keyResult(), state.keyResult(), List.of(new Due(reading, at)));
    }

    /**
     * The new target counts from now on: the latest value in effective order is judged again against it, at
     * its own moment; a measurement's when one holds it, else the latest check-in's, none before the first.
     */
    private KeyResultChange changeTarget(KeyResultTargetChanged e, Instant at) {
        KeyResultState state = store.keyResultForUpdate(e.keyResultId()).orElse(null);
        store.changeTarget(e.keyResultId(), e.toTarget());
        if (state == null) {
            return KeyResultChange.unchanged(e.keyResultId(), null);
        }
        TrackedKeyResult before = state.keyResult();
        Optional<Reading> latest = state.measurement() != null
                ? Optional.of(Reading.of(state.measurement()))
                : Optional.ofNullable(before.lastCheckInId())
                        .flatMap(store::checkIn)
                        .map(Reading::of);
        return judged(
                before,
                before.withTarget(e.toTarget()),
                latest.map(reading -> List.of(new Due(reading, at))).orElse(List.of()));
    }

    /**
     * Check-ins wait for their cycle's window (its events travel another partition): when the cycle arrives,
     * each of its key results is judged on the check-ins that were the latest when they arrived, in that
     * order, then on the measurement holding the latest value, if any (earlier measurements are not kept).
     */
    private List<KeyResultChange> planCycle(CyclePlanned e) {
        if (!store.planCycle(e)) {
            return List.of(); // a replay: judged when it first came
        }
        List<KeyResultChange> changes = new ArrayList<>();
        for (KeyResultState state : store.keyResultsOfCycle(e.cycleId())) {
            TrackedKeyResult kr = state.keyResult();
            List<Due> readings = new ArrayList<>();
            store.latestCheckInsInArrivalOrder(kr.keyResultId())
                    .forEach(checkIn -> readings.add(new Due(Reading.of(checkIn), checkIn.recordedAt())));
            if (state.measurement() != null) {
                readings.add(new Due(
                        Reading.of(state.measurement()), state.measurement().observedAt()));
            }
            changes.add(judged(kr, kr, readings));
        }
        return changes;
    }

    /**
     * Judges each reading once, in order, from the pace state {@code after} holds, keeps the state they leave,
     * and returns the change with the readings that turned it. Nothing is judged for a key result nobody
     * pursues, nor before its cycle is known.
     */
    private KeyResultChange judged(TrackedKeyResult before, TrackedKeyResult after, List<Due> readings) {
        Optional<CycleWindow> cycle =
                readings.isEmpty() || !after.pursued() ? Optional.empty() : store.cycle(after.cycleId());
        if (cycle.isEmpty()) {
            return new KeyResultChange(after.keyResultId(), before, after, true, List.of());
        }
        boolean behind = after.behindPace();
        List<PaceMove> moves = new ArrayList<>();
        for (Due due : readings) {
            PaceJudgement judgement =
                    after.paceOf(due.reading().value(), due.reading().at(), cycle.get(), policy);
            if (judgement.behind() != behind) {
                behind = judgement.behind();
                moves.add(new PaceMove(due.reading(), judgement, due.at()));
            }
        }
        if (behind != after.behindPace()) {
            store.setBehindPace(after.keyResultId(), behind);
        }
        return new KeyResultChange(after.keyResultId(), before, after.withBehindPace(behind), true, moves);
    }

    private static KeyResultChange noLongerPursued(UUID keyResultId, TrackedKeyResult before) {
        return new KeyResultChange(
                keyResultId, before, before == null ? null : before.noLongerPursued(), true, List.of());
    }
}
