package dev.okrledger.command.keyresult;

import dev.okrledger.contract.event.Indicator;

import java.math.BigDecimal;
import java.util.UUID;

public record DefineKeyResult(UUID keyResultId, UUID objectiveId, String title, String unit, BigDecimal baseline,
                              BigDecimal target, Indicator indicator, String owner) {
}
