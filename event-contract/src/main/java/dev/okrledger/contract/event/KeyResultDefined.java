package dev.okrledger.contract.event;

import java.math.BigDecimal;
import java.util.UUID;

public record KeyResultDefined(UUID keyResultId, UUID objectiveId, UUID cycleId, String title, String unit,
                               BigDecimal baseline, BigDecimal target, Indicator indicator, String owner)
        implements OkrEvent {
    @Override
    public String partitionKey() {
        return objectiveId.toString();
    }
}
