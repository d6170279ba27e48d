package dev.okrledger.query.support;

import dev.okrledger.contract.event.Cadence;
import dev.okrledger.contract.event.CheckInRecorded;
import dev.okrledger.contract.event.ConfidenceChanged;
import dev.okrledger.contract.event.CycleActivated;
import dev.okrledger.contract.event.CycleClosed;
import dev.okrledger.contract.event.CyclePlanned;
import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.contract.event.EventTypes;
import dev.okrledger.contract.event.Indicator;
import dev.okrledger.contract.event.KeyResultDefined;
import dev.okrledger.contract.event.ObjectiveDefined;
import dev.okrledger.contract.event.ObjectiveLevel;
import dev.okrledger.contract.event.OkrEvent;
import dev.okrledger.contract.policy.OkrPolicy;
import dev.okrledger.intake.EventIntake;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
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

    public UUID keyResult(UUID objectiveId, String title, double baseline, double target) {
        UUID id = UUID.randomUUID();
        objectiveOfKeyResult.put(id, objectiveId);
        publish(id.toString(), new KeyResultDefined(id, objectiveId, cycleId, title, "units",
                BigDecimal.valueOf(baseline), BigDecimal.valueOf(target), Indicator.LEADING, "owner-" + title));
        return id;
    }

    public UUID checkIn(UUID keyResultId, Instant effectiveAt, double value, int confidence) {
        return checkIn(keyResultId, effectiveAt, value, confidence, null, null, null);
    }

    /** Assumes check-ins arrive in effective order unless backdated on purpose (then no ConfidenceChanged). */
    public UUID checkIn(UUID keyResultId, Instant effectiveAt, double value, int confidence, String note,
                        String blockers, String decision) {
        UUID id = UUID.randomUUID();
        UUID objectiveId = objectiveOfKeyResult.get(keyResultId);
        publish(keyResultId.toString(), new CheckInRecorded(keyResultId, objectiveId, id, effectiveAt,
                BigDecimal.valueOf(value), confidence, note, blockers, decision));
        Integer before = lastConfidence.put(keyResultId, confidence);
        if (before != null && before != confidence) {
            OkrPolicy policy = OkrPolicy.defaults();
            publish(keyResultId.toString(), new ConfidenceChanged(keyResultId, objectiveId, id, effectiveAt, before,
                    confidence, policy.bandOf(before), policy.bandOf(confidence)));
        }
        return id;
    }

    private void publish(String aggregateId, OkrEvent event) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        clock = clock.plusMillis(1);
        intake.accept(new EventEnvelope(UUID.randomUUID().toString(), EventTypes.of(event).name(), "1",
                event.getClass().getSimpleName().replaceAll("(Planned|Activated|Closed|Defined|Recorded|Changed)$", ""),
                aggregateId, sequence, clock, "ana", "Ana", UUID.randomUUID().toString(), event));
    }
}
