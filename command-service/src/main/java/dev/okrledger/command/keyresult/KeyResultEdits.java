package dev.okrledger.command.keyresult;

import java.math.BigDecimal;
import java.util.UUID;

/** Mid-cycle changes to a key result: each needs a reason, and the original stays in history. */
public final class KeyResultEdits {

    private KeyResultEdits() {}

    public record RewordKeyResult(UUID keyResultId, String title, String reason, Long expectedVersion) {}

    public record ChangeKeyResultTarget(UUID keyResultId, BigDecimal target, String reason, Long expectedVersion) {}

    public record ChangeKeyResultOwner(UUID keyResultId, String owner, String reason, Long expectedVersion) {}

    public record DropKeyResult(UUID keyResultId, String reason, Long expectedVersion) {}
}
