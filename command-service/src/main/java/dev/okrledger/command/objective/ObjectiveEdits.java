package dev.okrledger.command.objective;

import java.util.UUID;

/** Changes to an objective during and after its cycle; each change with a reason stays in history. */
public final class ObjectiveEdits {

    private ObjectiveEdits() {}

    public record RewordObjective(UUID objectiveId, String title, String reason, Long expectedVersion) {}

    /** @param parentObjectiveId the new parent in the same cycle, or null for none */
    public record RealignObjective(UUID objectiveId, UUID parentObjectiveId, String reason, Long expectedVersion) {}

    public record RetireObjective(UUID objectiveId, String reason, Long expectedVersion) {}

    /** What the team learned, recorded once the cycle is closed. */
    public record RecordRetrospective(UUID objectiveId, String note) {}
}
