package dev.okrledger.contract.event;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Revision 2 added kind, measurement, milestones and checkpoints (revision 1 events are upcast:
 * METRIC, no measurement definition, no milestones, no checkpoints).
 *
 * @param measurement null when the key result has no measurement definition (a health warning)
 * @param milestones  the named milestones of a MILESTONE key result, in order; empty for METRIC
 * @param checkpoints planned expected values for non-linear pacing; empty means linear pace
 */
public record KeyResultDefined(
        UUID keyResultId,
        UUID objectiveId,
        UUID cycleId,
        String title,
        String unit,
        BigDecimal baseline,
        BigDecimal target,
        Indicator indicator,
        String owner,
        KeyResultKind kind,
        MeasurementDefinition measurement,
        List<String> milestones,
        List<Checkpoint> checkpoints)
        implements OkrEvent {

    public KeyResultDefined {
        kind = kind == null ? KeyResultKind.METRIC : kind;
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
    }

    /** A metric key result without measurement definition or checkpoints. */
    public KeyResultDefined(
            UUID keyResultId,
            UUID objectiveId,
            UUID cycleId,
            String title,
            String unit,
            BigDecimal baseline,
            BigDecimal target,
            Indicator indicator,
            String owner) {
        this(
                keyResultId,
                objectiveId,
                cycleId,
                title,
                unit,
                baseline,
                target,
                indicator,
                owner,
                KeyResultKind.METRIC,
                null,
                List.of(),
                List.of());
    }

    @Override
    public String partitionKey() {
        return objectiveId.toString();
    }
}
