package dev.okrledger.query.names;

import dev.okrledger.contract.event.ObjectiveLevel;
import dev.okrledger.query.support.Quarter;
import dev.okrledger.query.support.QueryServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Names beside ids and the teams there are, for clients that show ids from other answers (the dashboard). */
class NamesTest extends QueryServiceTest {

    @Test
    void namesTheKnownObjectivesAndKeyResultsAndLeavesOutTheRest() {
        Quarter q = new Quarter(intake, LocalDate.now(ZoneOffset.UTC).minusWeeks(2), 13).plannedAndActive();
        UUID objective = q.objective("Faster support " + q.cycleId, ObjectiveLevel.TEAM, "support", null);
        UUID kr = q.keyResult(objective, "Reduce first response time", 12, 4);

        JsonNode names =
                ok("/api/names?objectiveId=" + objective + "&objectiveId=" + UUID.randomUUID() + "&keyResultId=" + kr);

        assertThat(names.get("objectives")).hasSize(1);
        assertThat(names.get("objectives").get(0).get("title").asString()).isEqualTo("Faster support " + q.cycleId);
        assertThat(names.get("objectives").get(0).get("team").asString()).isEqualTo("support");
        JsonNode keyResult = names.get("keyResults").get(0);
        assertThat(keyResult.get("id").asString()).isEqualTo(kr.toString());
        assertThat(keyResult.get("title").asString()).isEqualTo("Reduce first response time");
        assertThat(keyResult.get("objectiveId").asString()).isEqualTo(objective.toString());
        assertThat(keyResult.get("objectiveTitle").asString()).isEqualTo("Faster support " + q.cycleId);
        assertThat(keyResult.get("team").asString()).isEqualTo("support");
        assertThat(ok("/api/names").get("keyResults")).isEmpty();
    }

    @Test
    void teamsOfACycleAndOfEveryCycle() {
        Quarter q = new Quarter(intake, LocalDate.now(ZoneOffset.UTC).minusWeeks(2), 13).plannedAndActive();
        String growth = "growth-" + q.cycleId;
        q.objective("Onboarding", ObjectiveLevel.TEAM, growth, null);
        q.objective("Platform", ObjectiveLevel.COMPANY, "leadership-" + q.cycleId, null);
        q.objective("More onboarding", ObjectiveLevel.TEAM, growth, null);

        assertThat(ok("/api/teams?cycleId=" + q.cycleId))
                .extracting(JsonNode::asString)
                .containsExactly(growth, "leadership-" + q.cycleId);
        assertThat(ok("/api/teams")).extracting(JsonNode::asString).contains(growth, "leadership-" + q.cycleId);
    }

    @Test
    void anUnknownCycleIs404AndUnreadableIdsAre400NamingTheField() {
        Answer unknown = get("/api/teams?cycleId=" + UUID.randomUUID());
        Answer notAnId = get("/api/names?keyResultId=not-a-uuid");
        Answer badCycle = get("/api/teams?cycleId=q2");
        Answer tooMany = get("/api/names?"
                + IntStream.range(0, NamesController.MAX_IDS + 1)
                        .mapToObj(i -> "objectiveId=" + UUID.randomUUID())
                        .collect(Collectors.joining("&")));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("rule").asString()).isEqualTo("unknown-cycle");
        assertThat(notAnId.status()).isEqualTo(400);
        assertThat(notAnId.body().get("field").asString()).isEqualTo("keyResultId");
        assertThat(badCycle.status()).isEqualTo(400);
        assertThat(badCycle.body().get("field").asString()).isEqualTo("cycleId");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body().get("field").asString()).isEqualTo("objectiveId");
    }
}
