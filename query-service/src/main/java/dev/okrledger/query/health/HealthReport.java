package dev.okrledger.query.health;

import java.util.List;
import java.util.UUID;

/**
 * @param notChecked rules of docs/domain.md this report cannot check yet, and why
 */
public record HealthReport(UUID cycleId, Limits limits, List<HealthWarning> warnings, List<String> notChecked) {

    public record Limits(int minKeyResultsPerObjective, int maxKeyResultsPerObjective, int maxObjectivesPerTeam) {}
}
