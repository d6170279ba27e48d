package dev.okrledger.command.web;

import dev.okrledger.embedded.SharedTestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a client can get a command wrong ends in a 4xx RFC 9457 problem naming the rule and
 * the field, and nothing is written; over real HTTP, PostgreSQL and Kafka.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=command-service")
class CommandApiProblemsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> SharedTestInfrastructure.freshDatabase("cmd_api"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.kafka.bootstrap-servers", () -> SharedTestInfrastructure.kafka().bootstrapServers());
        registry.add("okr.kafka.events-topic", () -> SharedTestInfrastructure.uniqueTopicName("okr.events"));
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    record Answer(int status, JsonNode body) {
    }

    private Answer post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        return new Answer(response.statusCode(), response.body().isBlank() ? null : JSON.readTree(response.body()));
    }

    private long storedEvents() {
        return jdbc.sql("select count(*) from domainevententry").query(Long.class).single();
    }

    private UUID create(String path, String body) throws Exception {
        Answer answer = post(path, body);
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(201);
        return UUID.fromString(answer.body().get("id").asString());
    }

    private static String cycle(LocalDate startsOn, LocalDate endsOn) {
        return """
                {"name":"Q","startsOn":"%s","endsOn":"%s","cadence":"WEEKLY"}""".formatted(startsOn, endsOn);
    }

    private UUID activeKeyResult() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        UUID cycle = create("/api/cycles", cycle(today.minusDays(7), today.plusDays(84)));
        assertThat(post("/api/cycles/" + cycle + "/activate", "").status()).isEqualTo(204);
        UUID objective = create("/api/objectives", """
                {"cycleId":"%s","title":"O","level":"TEAM","team":"t"}""".formatted(cycle));
        return create("/api/objectives/" + objective + "/key-results", """
                {"title":"KR","unit":"%","baseline":55,"target":75,"indicator":"LAGGING","owner":"o"}""");
    }

    @BeforeAll
    static void startInfrastructure() {
        SharedTestInfrastructure.kafka();
    }

    @Test
    void unknownKeyResultIs404() throws Exception {
        Answer answer = post("/api/key-results/" + UUID.randomUUID() + "/check-ins", """
                {"checkInId":"%s","value":1,"confidence":5}""".formatted(UUID.randomUUID()));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().get("rule").asString()).isEqualTo("unknown-key-result");
    }

    @Test
    void confidenceElevenIs400NamingTheField() throws Exception {
        UUID kr = activeKeyResult();
        long before = storedEvents();
        Answer answer = post("/api/key-results/" + kr + "/check-ins", """
                {"checkInId":"%s","value":60,"confidence":11}""".formatted(UUID.randomUUID()));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("field").asString()).isEqualTo("confidence");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void missingTitleIs400NamingTheField() throws Exception {
        Answer answer = post("/api/objectives", """
                {"cycleId":"%s","level":"TEAM","team":"t"}""".formatted(UUID.randomUUID()));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("field").asString()).isEqualTo("title");
    }

    @Test
    void malformedJsonIs400() throws Exception {
        Answer answer = post("/api/cycles", "{\"name\": ");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("rule").asString()).isEqualTo("malformed-json");
    }

    @Test
    void unknownEnumValueIs400NamingTheField() throws Exception {
        Answer answer = post("/api/cycles", """
                {"name":"Q","startsOn":"2026-01-01","endsOn":"2026-04-01","cadence":"DAILY"}""");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("field").asString()).isEqualTo("cadence");
    }

    @Test
    void cycleEndingBeforeItStartsIs422() throws Exception {
        Answer answer = post("/api/cycles", cycle(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-03-01")));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().get("rule").asString()).isEqualTo("cycle-ends-after-start");
        assertThat(answer.body().get("field").asString()).isEqualTo("endsOn");
    }

    @Test
    void objectiveInAnUnknownCycleIs422NamingTheField() throws Exception {
        Answer answer = post("/api/objectives", """
                {"cycleId":"%s","title":"O","level":"TEAM","team":"t"}""".formatted(UUID.randomUUID()));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().get("field").asString()).isEqualTo("cycleId");
    }

    @Test
    void targetEqualToBaselineIs422() throws Exception {
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
    void checkInOnAClosedCycleIs409AndWritesNothing() throws Exception {
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
    void checkInOutsideTheCycleIs422NamingEffectiveAt() throws Exception {
        UUID kr = activeKeyResult();
        Answer answer = post("/api/key-results/" + kr + "/check-ins", """
                {"checkInId":"%s","value":60,"confidence":7,"effectiveAt":"2020-01-01T00:00:00Z"}""".formatted(UUID.randomUUID()));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().get("field").asString()).isEqualTo("effectiveAt");
    }

    @Test
    void storedEventsAreReadableJsonWithActorAndCorrelation() throws Exception {
        UUID kr = activeKeyResult();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/key-results/" + kr + "/check-ins"))
                .header("Content-Type", "application/json")
                .header("X-Actor", "ana").header("X-Correlation-Id", "corr-42")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"checkInId":"%s","value":60,"confidence":7}""".formatted(UUID.randomUUID()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        String[] stored = jdbc.sql("""
                        select convert_from(payload, 'UTF8') || '|' || convert_from(metadata, 'UTF8')
                          from domainevententry where aggregateidentifier = ? order by sequencenumber desc limit 1""")
                .param(kr.toString()).query(String.class).single().split("\\|");
        assertThat(JSON.readTree(stored[0]).get("confidence").asInt()).isEqualTo(7);
        JsonNode metadata = JSON.readTree(stored[1]);
        assertThat(metadata.get("actor").asString()).isEqualTo("ana");
        assertThat(metadata.get("correlationId").asString()).isEqualTo("corr-42");
    }

    @Test
    void openApiDocumentListsTheCommands() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("paths").propertyNames())
                .contains("/api/cycles", "/api/objectives", "/api/key-results/{keyResultId}/check-ins");
    }
}
