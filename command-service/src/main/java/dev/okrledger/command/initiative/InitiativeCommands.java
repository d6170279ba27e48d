package dev.okrledger.command.initiative;

import dev.okrledger.contract.event.InitiativeStatus;

import java.util.UUID;

/** Work chosen to move a key result; an {@link Initiative} lives inside the key result's aggregate. */
public final class InitiativeCommands {

    private InitiativeCommands() {}

    /** @param status PLANNED or ACTIVE */
    public record AddInitiative(
            UUID keyResultId, UUID initiativeId, String title, String approach, InitiativeStatus status) {}

    /** A change to an initiative the key result has: the initiative decides it ({@link Initiative#decide}). */
    public sealed interface InitiativeChange
            permits StartInitiative, PivotInitiative, StopInitiative, CompleteInitiative {

        UUID keyResultId();

        UUID initiativeId();
    }

    public record StartInitiative(UUID keyResultId, UUID initiativeId) implements InitiativeChange {}

    /** @param checkInId the check-in whose decision this pivot carries out, or null */
    public record PivotInitiative(UUID keyResultId, UUID initiativeId, String toApproach, String reason, UUID checkInId)
            implements InitiativeChange {}

    public record StopInitiative(UUID keyResultId, UUID initiativeId, String reason) implements InitiativeChange {}

    public record CompleteInitiative(UUID keyResultId, UUID initiativeId) implements InitiativeChange {}
}
