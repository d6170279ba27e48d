package dev.okrledger.command.initiative;

import dev.okrledger.contract.event.InitiativeStatus;

import java.util.UUID;

/** Work chosen to move a key result; an {@link Initiative} lives inside the key result's aggregate. */
public final class InitiativeCommands {

    private InitiativeCommands() {
    }

    /** @param status PLANNED or ACTIVE */
    public record AddInitiative(UUID keyResultId, UUID initiativeId, String title, String approach,
                                InitiativeStatus status) {
    }

    public record StartInitiative(UUID keyResultId, UUID initiativeId) {
    }

    /** @param checkInId the check-in whose decision this pivot carries out, or null */
    public record PivotInitiative(UUID keyResultId, UUID initiativeId, String toApproach, String reason,
                                  UUID checkInId) {
    }

    public record StopInitiative(UUID keyResultId, UUID initiativeId, String reason) {
    }

    public record CompleteInitiative(UUID keyResultId, UUID initiativeId) {
    }
}
