package dev.okrledger.command.web;

import dev.okrledger.command.support.RunningCommandService;
import dev.okrledger.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a client can get a command wrong ends in a 4xx RFC 9457 problem naming the rule and
 * the field, and nothing is written; over real HTTP, PostgreSQL and Kafka.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=command-service")
class CommandApiProblemsTest extends RunningCommandService {

    @Test
    void unknownKeyResultIs404() {
        Answer answer = post("/api/key-results/" + UUID.randomUUID() + "/check-ins", """
                {"checkInId":"%s","value":1,"confidence":5}""".formatted(UUID.randomUUID()));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().get("rule").asString()).isEqualTo("unknown-key-result");
    }

    @Test
    void confidenceElevenIs400NamingTheField() {
        UUID kr = activeKeyResult();
        long before = storedEvents();
        Answer answer = post("/api/key-results/" + kr + "/check-ins", """
                {"checkInId":"%s","value":60,"confidence":11}""".formatted(UUID.randomUUID()));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("field").asString()).isEqualTo("confidence");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void missingTitleIs400NamingTheField() {
        Answer answer = post("/api/objectives", """
                {"cycleId":"%s","level":"TEAM","team":"t"}""".formatted(UUID.randomUUID()));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("field").asString()).isEqualTo("title");
    }

    @Test
    void malformedJsonIs400() {
        Answer answer = post("/api/cycles", "{\"name\": ");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("rule").asString()).isEqualTo("malformed-json");
    }

    @Test
    void unknownEnumValueIs400NamingTheField() {
        Answer answer = post("/api/cycles", """
                {"name":"Q","startsOn":"2026-01-01","endsOn":"2026-04-01","cadence":"DAILY"}""");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("field").asString()).isEqualTo("cadence");
    }

    @Test
    void cycleEndingBeforeItStartsIs422() {
        Answer answer = post("/api/cycles", cycle(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-03-01")));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().get("rule").asString()).isEqualTo("cycle-ends-after-start");
        assertThat(answer.body().get("field").asString()).isEqualTo("endsOn");
    }

    @Test
    void objectiveInAnUnknownCycleIs422NamingTheField() {
        Answer answer = post("/api/objectives", """
                {"cycleId":"%s","title":"O","level":"TEAM","team":"t"}""".formatted(UUID.randomUUID()));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().get("field").asString()).isEqualTo("cycleId");
    }

    @Test
    void targetEqualToBaselineIs422() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        UUID cycle = create("/api/cycles", cycle(today, today.plusDays(91)));
        UUID objective = create("/api/objectives", """
                {"cycleId":"%s","title":"O","level":"TEAM","team":"t"}""".formatted(cycle));
        Answer answer = post("/api/objectives/" + objective + "/key-results", """
                {"title":"KR","unit":"%","baseline":5,"target":5.0,"indicator":"LAGGING","owner":"o"}""");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().get("field").asString()).isEqualTo("target");
    }

    @Test
    void checkInOnAClosedCycleIs409AndWritesNothing() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        UUID cycle = create("/api/cycles", cycle(today.minusDays(7), today.plusDays(84)));
        post("/api/cycles/" + cycle + "/activate", "");
        UUID objective = create("/api/objectives", """
                {"cycleId":"%s","title":"O","level":"TEAM","team":"t"}""".formatted(cycle));
        UUID kr = create("/api/objectives/" + objective + "/key-results", """
                {"title":"KR","unit":"%","baseline":55,"target":75,"indicator":"LAGGING","owner":"o"}""");
        assertThat(post("/api/cycles/" + cycle + "/close", "").status()).isEqualTo(204);
        long before = storedEvents();
        Answer answer = post("/api/key-results/" + kr + "/check-ins", """
                {"checkInId":"%s","value":60,"confidence":7}""".formatted(UUID.randomUUID()));
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body().get("rule").asString()).isEqualTo("check-in-needs-active-cycle");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void checkInOutsideTheCycleIs422NamingEffectiveAt() {
        UUID kr = activeKeyResult();
        Answer answer = post("/api/key-results/" + kr + "/check-ins", """
                {"checkInId":"%s","value":60,"confidence":7,"effectiveAt":"2020-01-01T00:00:00Z"}""".formatted(UUID.randomUUID()));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().get("field").asString()).isEqualTo("effectiveAt");
    }

    @Test
    void staleIfMatchIs409WithTheCurrentVersion() {
        UUID kr = activeKeyResult();
        Answer first = checkIn(kr, UUID.randomUUID(), 60, 7);
        assertThat(first.etag()).isEqualTo("\"1\"");
        Answer stale = post("/api/key-results/" + kr + "/reword", """
                {"title":"New words","reason":"clearer"}""", "If-Match", "\"0\"");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("rule").asString()).isEqualTo("stale-version");
        assertThat(stale.body().get("currentVersion").asLong()).isEqualTo(1);
        Answer fresh = post("/api/key-results/" + kr + "/reword", """
                {"title":"New words","reason":"clearer"}""", "If-Match", first.etag());
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.body().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void ifMatchThatIsNotAVersionIs422NamingTheHeader() {
        UUID kr = activeKeyResult();
        Answer answer = post("/api/key-results/" + kr + "/drop", """
                {"reason":"gone"}""", "If-Match", "\"abc\"");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().get("field").asString()).isEqualTo("If-Match");
    }

    @Test
    void changeWithoutAReasonIs400NamingTheField() {
        UUID kr = activeKeyResult();
        Answer answer = post("/api/key-results/" + kr + "/change-target", """
                {"target":80}""");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("field").asString()).isEqualTo("reason");
    }

    @Test
    void alignmentLoopIs422NamingTheParent() {
        UUID cycle = activeCycle();
        UUID parent = objectiveIn(cycle);
        UUID child = create("/api/objectives", """
                {"cycleId":"%s","title":"Child","level":"TEAM","team":"t","parentObjectiveId":"%s"}""".formatted(cycle, parent));
        Answer answer = post("/api/objectives/" + parent + "/realign", """
                {"parentObjectiveId":"%s","reason":"flip"}""".formatted(child));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().get("rule").asString()).isEqualTo("alignment-without-loops");
        assertThat(answer.body().get("field").asString()).isEqualTo("parentObjectiveId");
    }

    @Test
    void unknownMilestoneIs422NamingTheField() {
        UUID objective = objectiveIn(activeCycle());
        UUID kr = create("/api/objectives/" + objective + "/key-results", """
                {"title":"Ship it","kind":"MILESTONE","milestones":["design","beta","launch"],
                 "indicator":"LEADING","owner":"o"}""");
        Answer answer = post("/api/key-results/" + kr + "/check-ins", """
                {"checkInId":"%s","confidence":7,"milestonesDone":["party"]}""".formatted(UUID.randomUUID()));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().get("field").asString()).isEqualTo("milestonesDone");
    }

    @Test
    void retrospectiveBeforeCloseIs409() {
        UUID objective = objectiveIn(activeCycle());
        Answer answer = post("/api/objectives/" + objective + "/retrospective", """
                {"note":"learned"}""");
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body().get("rule").asString()).isEqualTo("retrospective-after-close");
    }

    @Test
    void pivotOfAnUnknownInitiativeIs422NamingTheField() {
        UUID kr = activeKeyResult();
        Answer answer = post("/api/key-results/" + kr + "/initiatives/" + UUID.randomUUID() + "/pivot", """
                {"toApproach":"x","reason":"y"}""");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().get("field").asString()).isEqualTo("initiativeId");
    }

    @Test
    void storedEventsAreReadableJsonWithActorAndCorrelation() {
        UUID kr = activeKeyResult();
        // the body and a header both claim another actor: the token's subject wins
        Answer answer = post(
                "/api/key-results/" + kr + "/check-ins",
                """
                        {"checkInId":"%s","value":60,"confidence":7,"actor":"mallory"}""".formatted(UUID.randomUUID()),
                "X-Actor",
                "mallory",
                "X-Correlation-Id",
                "corr-42",
                "Authorization",
                bearer("ana", Set.of(), Set.of(Role.OKR_LEAD)));
        assertThat(answer.status()).isEqualTo(201);
        String[] stored =
                jdbc.sql("""
                        select convert_from(payload, 'UTF8') || '|' || convert_from(metadata, 'UTF8')
                          from domainevententry where aggregateidentifier = ? order by sequencenumber desc limit 1""").param(kr.toString()).query(String.class).single().split("\\|");
        assertThat(JSON.readTree(stored[0]).get("confidence").asInt()).isEqualTo(7);
        JsonNode metadata = JSON.readTree(stored[1]);
        assertThat(metadata.get("actor").asString()).isEqualTo("ana");
        assertThat(metadata.get("correlationId").asString()).isEqualTo("corr-42");
    }

    @Test
    void openApiDocumentListsTheCommands() {
        Answer answer = get("/v3/api-docs");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("paths").propertyNames())
                .contains(
                        "/api/cycles",
                        "/api/objectives",
                        "/api/key-results/{keyResultId}/check-ins",
                        "/api/key-results/{keyResultId}/change-target",
                        "/api/key-results/{keyResultId}/initiatives/{initiativeId}/pivot",
                        "/api/objectives/{id}/realign");
    }
}
