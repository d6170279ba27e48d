package dev.okrledger.command.directory;

import java.util.UUID;

public record ObjectiveFacts(UUID objectiveId, UUID cycleId, String team) {
}
