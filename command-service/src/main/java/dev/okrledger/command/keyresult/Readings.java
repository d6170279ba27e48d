package dev.okrledger.command.keyresult;

import dev.okrledger.command.keyresult.ReadingGuard.Reading;
import dev.okrledger.command.shared.InvalidInput;
import dev.okrledger.contract.event.CheckInRecorded;
import dev.okrledger.contract.event.ConfidenceChanged;
import dev.okrledger.contract.event.KeyResultDefined;
import dev.okrledger.contract.event.MeasurementRecorded;
import dev.okrledger.contract.policy.OkrPolicy;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The readings of a key result's value, an entity of its aggregate: people's check-ins and data
 * sources' measurements. A new one is recorded once the {@link ReadingGuard} lets it in; the last
 * one in effective order is the value the key result is graded on.
 */
class Readings {

    private UUID keyResultId;
    private UUID objectiveId;
    private CheckIns checkIns = new CheckIns();
    private Measurements measurements = new Measurements();

    /**
     * A person's check-in with its confidence. A confidence that differs from the check-in before it
     * (in effective order) is a change of its own, with both bands.
     */
    CheckInOutcome.Status checkIn(
            RecordCheckIn command, KeyResultDefinition definition, ReadingGuard guard, OkrPolicy policy) {
        BigDecimal value = definition.valueOf(command);
        if (guard.recordedBefore(
                Reading.CHECK_IN,
                command.checkInId(),
                checkIns.withId(command.checkInId()),
                earlier -> earlier.sameContentAs(command, value))) {
            return CheckInOutcome.Status.ALREADY_RECORDED;
        }
        if (command.confidence() < OkrPolicy.MIN_CONFIDENCE || command.confidence() > OkrPolicy.MAX_CONFIDENCE) {
            throw new InvalidInput("confidence-range", "confidence", "Confidence must be between 0 and 10");
        }
        Instant effectiveAt = command.effectiveAt() == null ? guard.now() : command.effectiveAt();
        guard.admit(Reading.CHECK_IN, effectiveAt);
        Optional<CheckIn> previous = checkIns.inEffectAt(effectiveAt);
        apply(new CheckInRecorded(
                keyResultId,
                objectiveId,
                command.checkInId(),
                effectiveAt,
                value,
                command.confidence(),
                command.note(),
                command.blockers(),
                command.decision(),
                definition.milestonesDone(command)));
        previous.filter(p -> p.confidence() != command.confidence())
                .ifPresent(p -> apply(new ConfidenceChanged(
                        keyResultId,
                        objectiveId,
                        command.checkInId(),
                        effectiveAt,
                        p.confidence(),
                        command.confidence(),
                        policy.bandOf(p.confidence()),
                        policy.bandOf(command.confidence()))));
        return CheckInOutcome.Status.RECORDED;
    }

    /**
     * A data source's value for a metric key result, effective at {@code observedAt}. It moves the
     * value and pace but carries no confidence, so it never changes confidence.
     */
    CheckInOutcome.Status measurement(RecordMeasurement command, KeyResultDefinition definition, ReadingGuard guard) {
        if (guard.recordedBefore(
                Reading.MEASUREMENT,
                command.measurementId(),
                measurements.withId(command.measurementId()),
                earlier -> earlier.sameContentAs(command))) {
            return CheckInOutcome.Status.ALREADY_RECORDED;
        }
        definition.requireMeasurable();
        if (command.value() == null) {
            throw new InvalidInput("measurement-has-value", "value", "A measurement needs a value");
        }
        if (command.observedAt() == null) {
            throw new InvalidInput("measurement-has-observed-at", "observedAt", "A measurement needs observedAt");
        }
        guard.admit(Reading.MEASUREMENT, command.observedAt());
        apply(new MeasurementRecorded(
                keyResultId,
                objectiveId,
                command.measurementId(),
                command.value(),
                command.observedAt(),
                command.source()));
        return CheckInOutcome.Status.RECORDED;
    }

    /** The latest value in effective order; at the very same moment a person's check-in wins over a measurement. */
    Optional<BigDecimal> lastValue() {
        Optional<CheckIn> checkIn = checkIns.last();
        Optional<Measurement> measurement = measurements.latest();
        if (measurement.isPresent()
                && (checkIn.isEmpty()
                        || measurement.get().observedAt().isAfter(checkIn.get().effectiveAt()))) {
            return Optional.of(measurement.get().value());
        }
        return checkIn.map(CheckIn::value);
    }

    /** The ids of the check-ins: a pivot may name one as the check-in that decided it. */
    Set<UUID> checkInIds() {
        return checkIns.ids();
    }

    @EventSourcingHandler
    void on(KeyResultDefined event) {
        keyResultId = event.keyResultId();
        objectiveId = event.objectiveId();
    }

    @EventSourcingHandler
    void on(CheckInRecorded event) {
        checkIns.record(new CheckIn(
                event.checkInId(),
                event.effectiveAt(),
                event.value(),
                event.confidence(),
                event.note(),
                event.blockers(),
                event.decision(),
                event.milestonesDone()));
    }

    @EventSourcingHandler
    void on(MeasurementRecorded event) {
        measurements.record(new Measurement(event.measurementId(), event.value(), event.observedAt(), event.source()));
    }
}
