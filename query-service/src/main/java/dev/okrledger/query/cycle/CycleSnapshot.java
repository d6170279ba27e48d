package dev.okrledger.query.cycle;

import dev.okrledger.contract.event.Cadence;
import dev.okrledger.contract.event.Checkpoint;
import dev.okrledger.contract.policy.Pace;
import dev.okrledger.contract.policy.PacePlan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A cycle as known at some moment.
 *
 * @param status    PLANNING, ACTIVE or CLOSED as known at that moment
 * @param closedAt  when the close was recorded, or null
 */
public record CycleSnapshot(
        UUID id,
        String name,
        LocalDate startsOn,
        LocalDate endsOn,
        Cadence cadence,
        String status,
        Instant plannedAt,
        Instant activatedAt,
        Instant closedAt) {

    public Instant start() {
        return startsOn.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Exclusive: cycle days are read in UTC and the end date is not part of the cycle. */
    public Instant end() {
        return endsOn.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The elapsed fraction of the cycle at {@code at}: the expected progress of a key result without checkpoints. */
    public double elapsedFractionAt(Instant at) {
        return Pace.expectedProgress(startsOn, endsOn, at);
    }

    /** What a key result of this cycle is expected to achieve, to judge its pace ({@link PacePlan#judge}). */
    public PacePlan pacePlan(BigDecimal baseline, BigDecimal target, List<Checkpoint> checkpoints) {
        return new PacePlan(startsOn, endsOn, baseline, target, checkpoints);
    }
}
