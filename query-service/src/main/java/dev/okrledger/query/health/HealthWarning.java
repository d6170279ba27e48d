package dev.okrledger.query.health;

import java.util.UUID;

/**
 * One warning about the shape of a cycle's OKR set (docs/domain.md "Health of an OKR set"): advice, not an error.
 *
 * @param subject {@code objective}, {@code key-result} or {@code team}; {@code subjectId} is the objective or
 *                key result id, or the team name
 */
public record HealthWarning(Kind kind, String subject, String subjectId, String team, String message) {

    public enum Kind {
        TOO_FEW_KEY_RESULTS,
        TOO_MANY_KEY_RESULTS,
        TOO_MANY_OBJECTIVES_FOR_TEAM,
        UNALIGNED_TEAM_OBJECTIVE,
        KEY_RESULT_WITHOUT_MEASUREMENT_DEFINITION
    }

    static HealthWarning objective(Kind kind, UUID objectiveId, String team, String message) {
        return new HealthWarning(kind, "objective", objectiveId.toString(), team, message);
    }
}
