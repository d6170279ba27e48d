package dev.okrledger.query.health;

import dev.okrledger.contract.event.ObjectiveLevel;
import dev.okrledger.query.support.Quarter;
import dev.okrledger.query.support.QueryServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class HealthWarningsTest extends QueryServiceTest {

    @Test
    void warnsAboutKeyResultCountsOverloadedTeamsAndUnalignedTeamObjectives() {
        Quarter q = new Quarter(intake, LocalDate.now(ZoneOffset.UTC), 13).plannedAndActive();
        UUID company = q.objective("Company", ObjectiveLevel.COMPANY, "leadership", null);
        q.keyResult(company, "a", 0, 1);
        q.keyResult(company, "b", 0, 1);
        UUID lonely = q.objective("One KR only", ObjectiveLevel.TEAM, "support", null);
        q.keyResult(lonely, "c", 0, 1);
        UUID crowded = q.objective("Six KRs", ObjectiveLevel.TEAM, "growth", company);
        for (int i = 0; i < 6; i++) {
            q.keyResult(crowded, "kr" + i, 0, 1);
        }
        for (int i = 0; i < 3; i++) {
            UUID more = q.objective("More " + i, ObjectiveLevel.TEAM, "growth", company);
            q.keyResult(more, "x", 0, 1);
            q.keyResult(more, "y", 0, 1);
        }

        UUID vague = q.keyResult(company, "vague", 0, 1, null);
        q.drop(q.keyResult(company, "vague but dropped", 0, 1, null), "duplicate");
        q.drop(q.keyResult(company, "dropped", 0, 1), "duplicate"); // 4 key results left: not too many
        q.milestoneKeyResult(company, "launch", "beta", "GA"); // defined by its milestones
        UUID retired = q.objective("Retired", ObjectiveLevel.TEAM, "support", null);
        q.keyResult(retired, "r", 0, 1, null);
        q.retire(retired, "merged");

        JsonNode report = ok("/api/cycles/" + q.cycleId + "/health");
        List<String> warnings = new ArrayList<>();
        report.get("warnings")
                .forEach(w -> warnings.add(
                        w.get("kind").asString() + " " + w.get("subjectId").asString()));
        assertThat(warnings)
                .containsExactlyInAnyOrder(
                        "TOO_FEW_KEY_RESULTS " + lonely,
                        "UNALIGNED_TEAM_OBJECTIVE " + lonely,
                        "TOO_MANY_KEY_RESULTS " + crowded,
                        "TOO_MANY_OBJECTIVES_FOR_TEAM growth",
                        "KEY_RESULT_WITHOUT_MEASUREMENT_DEFINITION " + vague);
        assertThat(report.get("notChecked")).isEmpty();
        assertThat(get("/api/cycles/" + UUID.randomUUID() + "/health").status()).isEqualTo(404);
    }
}
