package dev.okrledger.command.keyresult;

import dev.okrledger.contract.event.Checkpoint;
import dev.okrledger.contract.event.Indicator;
import dev.okrledger.contract.event.KeyResultKind;
import dev.okrledger.contract.event.MeasurementDefinition;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * @param baseline    required for METRIC; ignored for MILESTONE (0)
 * @param target      required for METRIC; ignored for MILESTONE (the number of milestones)
 * @param milestones  required for MILESTONE, empty for METRIC
 * @param measurement may be null
 */
public record DefineKeyResult(
        UUID keyResultId,
        UUID objectiveId,
        String title,
        String unit,
        BigDecimal baseline,
        BigDecimal target,
        Indicator indicator,
        String owner,
        KeyResultKind kind,
        MeasurementDefinition measurement,
        List<String> milestones,
        List<Checkpoint> checkpoints) {

    public DefineKeyResult {
        kind = kind == null ? KeyResultKind.METRIC : kind;
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
    }

    /** A metric key result without measurement definition or checkpoints. */
    public DefineKeyResult(
            UUID keyResultId,
            UUID objectiveId,
            String title,
            String unit,
            BigDecimal baseline,
            BigDecimal target,
            Indicator indicator,
            String owner) {
        this(
                keyResultId,
                objectiveId,
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
}
