package dev.okrledger.command.importing;

import dev.okrledger.command.support.RunningCommandService;
import dev.okrledger.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing a cycle's objectives and key results from a file, over real HTTP, PostgreSQL and
 * Kafka: every bad row named with nothing written, the corrected file recorded, and the same file
 * again recording nothing.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=command-service")
class CycleImportTest extends RunningCommandService {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String HEADER = "objectiveRef,objectiveTitle,level,team,parentRef,keyResultTitle,kind,unit,"
            + "baseline,target,indicator,owner,measurementSource,checkpoints,milestones\n";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    /** Two objectives, four key results; {@code %s} are the three cells the bad file gets wrong. */
    private static String file(String level, String target, String checkpointDate) {
        return HEADER + """
                company,Be trusted at peak,COMPANY,leadership,,Reduce Sev-1 incidents,METRIC,incidents,6,2,LAGGING,cto,pager,,
                support,Faster support,%s,support,company,Reduce first response,METRIC,hours,12,%s,LEADING,kim,,%s=9;%s=6,
                support,,,,,"Resolve within 48h, more often",METRIC,%%,55,75,LAGGING,kim,,,
                support,,,,,Launch the help centre,milestone,,,,LEADING,lee,,,design;beta;launch
                """.formatted(level, target, checkpointDate, TODAY.plusDays(40));
    }

    private static final String GOOD = file("TEAM", "4", TODAY.plusDays(10).toString());
    private static final int DEFINITIONS = 2 + 4;

    @Test
    void threeBadRowsAreAllNamedAndNothingIsWrittenTheCorrectedFileImportsAndAgainRecordsNothing() {
        UUID cycle = activeCycle();
        long before = storedEvents();
        String bad = GOOD.replace("TEAM,support,company", "SQUAD,support,company")
                .replace("75,LAGGING,kim", "75,LAGGING,")
                .replace("design;beta;launch", "design;beta;design");

        Answer refused = importFile(cycle, "text/csv", bad, ADMIN);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("rule").asString()).isEqualTo("import-rows-invalid");
        assertThat(errors(refused))
                .containsExactly(
                        "3 level invalid-field", "4 owner invalid-field", "5 milestones milestone-names-unique");
        assertThat(storedEvents()).isEqualTo(before);

        Answer first = importFile(cycle, "text/csv", GOOD, ADMIN);

        assertThat(first.status()).as("%s", first.body()).isEqualTo(201);
        assertThat(first.body().get("created").asInt()).isEqualTo(DEFINITIONS);
        assertThat(storedEvents()).isEqualTo(before + DEFINITIONS);
        UUID support =
                UUID.fromString(first.body().get("objectives").get(1).get("id").asString());
        assertThat(jdbc.sql("select parent_objective_id from objective_directory where objective_id = ?")
                        .param(support)
                        .query(UUID.class)
                        .single())
                .isEqualTo(UUID.fromString(
                        first.body().get("objectives").get(0).get("id").asString()));
        JsonNode helpCentre = first.body().get("keyResults").get(3);
        assertThat(helpCentre.get("row").asInt()).isEqualTo(5);
        assertThat(definitionOf(helpCentre.get("id").asString()))
                .contains("\"milestones\":[\"design\",\"beta\",\"launch\"]")
                .contains("\"kind\":\"MILESTONE\"");
        assertThat(definitionOf(first.body().get("keyResults").get(1).get("id").asString()))
                .contains("\"checkpoints\":[{\"date\":\"" + TODAY.plusDays(10) + "\",\"expectedValue\":9}");

        long afterFirst = storedEvents();
        Answer again = importFile(cycle, "text/csv", GOOD, ADMIN);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("created").asInt()).isZero();
        assertThat(again.body().get("alreadyPresent").asInt()).isEqualTo(DEFINITIONS);
        assertThat(again.body().get("keyResults").get(3).get("id").asString())
                .isEqualTo(helpCentre.get("id").asString());
        assertThat(storedEvents()).isEqualTo(afterFirst);
    }

    @Test
    void everyFaultOfARowIsNamed() {
        UUID cycle = activeCycle();
        String bad = file("SQUAD", "12", TODAY.minusDays(30).toString());

        Answer answer = importFile(cycle, "text/csv", bad, ADMIN);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(errors(answer))
                .containsExactly(
                        "3 checkpoints checkpoints-inside-cycle",
                        "3 level invalid-field",
                        "3 target target-differs-from-baseline");
    }

    @Test
    void badRowsOfOtherKindsAreEachNamedByRow() {
        UUID cycle = activeCycle();
        long before = storedEvents();
        String bad = GOOD.replace("TEAM,support,company", "TEAM,support,nowhere")
                .replace("75,LAGGING", "7,5,LAGGING")
                .replace("milestone,", "ROADMAP,");

        Answer answer = importFile(cycle, "text/csv", bad, ADMIN);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(errors(answer))
                .containsExactly("3 parentRef unknown-objective", "4 row import-row-cells", "5 kind invalid-field");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void twoImportsOfTheSameFileAtOnceRecordEachRowOnce() throws Exception {
        UUID cycle = activeCycle();
        long before = storedEvents();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        Callable<Answer> importing = () -> {
            go.await();
            return importFile(cycle, "text/csv", GOOD, ADMIN);
        };
        try {
            Future<Answer> one = pool.submit(importing);
            Future<Answer> other = pool.submit(importing);
            go.countDown();
            List<Answer> answers = List.of(one.get(60, TimeUnit.SECONDS), other.get(60, TimeUnit.SECONDS));

            assertThat(answers)
                    .allSatisfy(a -> assertThat(a.status()).as("%s", a.body()).isIn(200, 201));
            assertThat(answers.stream()
                            .mapToInt(a -> a.body().get("created").asInt())
                            .sum())
                    .isEqualTo(DEFINITIONS);
            assertThat(answers)
                    .allSatisfy(a -> assertThat(a.body().get("created").asInt()
                                    + a.body().get("alreadyPresent").asInt())
                            .isEqualTo(DEFINITIONS));
            assertThat(storedEvents()).isEqualTo(before + DEFINITIONS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void jsonRowsAreTheSameFormatAndNameTheSameKeyResults() {
        UUID cycle = activeCycle();
        String json = """
                {"rows": [
                  {"objectiveRef": "company", "objectiveTitle": "Be trusted at peak", "level": "company", "team": "leadership",
                   "keyResultTitle": "Reduce  Sev-1 incidents", "unit": "incidents", "baseline": 6, "target": 2.5,
                   "indicator": "LAGGING", "owner": "cto"}
                ]}""";
        assertThat(importFile(cycle, "application/json", json, ADMIN).status()).isEqualTo(201);
        long before = storedEvents();

        // the CSV row names the same key result: refs, and titles ignoring case and runs of spaces
        Answer csv = importFile(
                cycle,
                "text/csv; charset=UTF-8",
                HEADER
                        + "company,Be trusted at peak,COMPANY,leadership,,reduce sev-1 incidents,,incidents,6,2.5,LAGGING,cto,,,\n",
                ADMIN);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().get("alreadyPresent").asInt()).isEqualTo(2);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aMemberImportsOnlyTheirTeamsRows() {
        UUID cycle = activeCycle();
        long before = storedEvents();
        String kim = bearer("kim", Set.of("support"), Set.of(Role.MEMBER));

        Answer refused = importFile(cycle, "text/csv", GOOD, kim);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("rule").asString()).isEqualTo("import-rows-forbidden");
        assertThat(errors(refused))
                .containsExactly("2 team team-membership-required", "2 team team-membership-required");
        assertThat(storedEvents()).isEqualTo(before);

        // once a lead imported the company's row, kim's file issues only support's commands
        assertThat(importFile(
                                cycle,
                                "text/csv",
                                HEADER
                                        + "company,Be trusted at peak,COMPANY,leadership,,Reduce Sev-1 incidents,METRIC,incidents,6,2,LAGGING,cto,pager,,\n",
                                ADMIN)
                        .status())
                .isEqualTo(201);
        Answer allowed = importFile(cycle, "text/csv", GOOD, kim);
        assertThat(allowed.status()).as("%s", allowed.body()).isEqualTo(201);
        assertThat(allowed.body().get("created").asInt()).isEqualTo(4);
        assertThat(allowed.body().get("alreadyPresent").asInt()).isEqualTo(2);
    }

    @Test
    void aParentMayBeAnObjectiveOfTheCycleByIdAndLoopsAreRefused() {
        UUID cycle = activeCycle();
        UUID existing = objectiveIn(cycle);
        Answer aligned = importFile(cycle, "text/csv", HEADER + "x,X,TEAM,t," + existing + ",,,,,,,,,,\n", ADMIN);
        assertThat(aligned.status()).isEqualTo(201);
        UUID x = UUID.fromString(
                aligned.body().get("objectives").get(0).get("id").asString());
        assertThat(jdbc.sql("select parent_objective_id from objective_directory where objective_id = ?")
                        .param(x)
                        .query(UUID.class)
                        .single())
                .isEqualTo(existing);

        Answer loop = importFile(
                cycle,
                "text/csv",
                HEADER + "a,A,TEAM,t,b,,,,,,,,,,\nb,B,TEAM,t,a,,,,,,,,,,\nc,C,TEAM,t,c,,,,,,,,,,\n",
                ADMIN);
        assertThat(loop.status()).isEqualTo(422);
        assertThat(errors(loop))
                .containsExactly(
                        "2 parentRef alignment-without-loops",
                        "3 parentRef alignment-without-loops",
                        "4 parentRef alignment-without-loops");
    }

    @Test
    void aDryRunChecksEverythingAndRecordsNothing() {
        UUID cycle = activeCycle();
        long before = storedEvents();
        Answer dry = send(HttpRequest.newBuilder(uri("/api/cycles/" + cycle + "/import?dryRun=true"))
                .header("Content-Type", "text/csv")
                .header("Authorization", ADMIN)
                .POST(HttpRequest.BodyPublishers.ofString(GOOD)));
        assertThat(dry.status()).isEqualTo(200);
        assertThat(dry.body().get("keyResults").get(0).get("outcome").asString())
                .isEqualTo("WOULD_CREATE");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aSpreadsheetsByteOrderMarkAndSemicolonsAreRead() {
        UUID cycle = activeCycle();
        String excel = "\uFEFF" + HEADER.replace(',', ';') + "o;O;TEAM;t;;KR;METRIC;%;1;2;LEADING;kim;;;\r\n";
        Answer answer = importFile(cycle, "text/csv", excel, ADMIN);
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(201);
        assertThat(answer.body().get("created").asInt()).isEqualTo(2);
    }

    @Test
    void otherContentTypesAre415NamingTheHeader() {
        UUID cycle = activeCycle();
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
            Answer answer = importFile(cycle, type, GOOD, ADMIN);
            assertThat(answer.status()).as(type).isEqualTo(415);
            assertThat(answer.body().get("rule").asString()).isEqualTo("import-content-type");
            assertThat(answer.body().get("field").asString()).isEqualTo("Content-Type");
        }
        Answer none = send(HttpRequest.newBuilder(uri("/api/cycles/" + cycle + "/import"))
                .header("Authorization", ADMIN)
                .POST(HttpRequest.BodyPublishers.ofString(GOOD)));
        assertThat(none.status()).isEqualTo(415);
    }

    @Test
    void unreadableFilesAre400AndUnknownColumns422() {
        UUID cycle = activeCycle();
        long before = storedEvents();
        assertThat(rule(importFile(cycle, "text/csv", "", ADMIN))).isEqualTo("400 import-file-empty");
        assertThat(rule(importFile(cycle, "text/csv", HEADER + "o,\"never closed,TEAM\n", ADMIN)))
                .isEqualTo("400 malformed-csv");
        assertThat(rule(importFile(cycle, "application/json", "{\"rows\": [", ADMIN)))
                .isEqualTo("400 malformed-json");
        assertThat(rule(importFile(cycle, "application/json", "[]", ADMIN))).isEqualTo("400 import-json-rows");
        Answer unknownColumn =
                importFile(cycle, "text/csv", "objectiveRef,objectiveTitle,level,tema\no,O,TEAM,t\n", ADMIN);
        assertThat(unknownColumn.status()).isEqualTo(422);
        assertThat(errors(unknownColumn))
                .containsExactly("1 team import-column-required", "1 tema import-column-known");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void anUnknownCycleIs404AndAClosedOne409() {
        assertThat(rule(importFile(UUID.randomUUID(), "text/csv", GOOD, ADMIN))).isEqualTo("404 unknown-cycle");
        UUID cycle = activeCycle();
        assertThat(post("/api/cycles/" + cycle + "/close", "").status()).isEqualTo(204);
        assertThat(rule(importFile(cycle, "text/csv", GOOD, ADMIN))).isEqualTo("409 cycle-not-closed");
    }

    @Test
    void theImportIsInTheOpenApiDocument() {
        Answer docs = get("/v3/api-docs");
        JsonNode content = docs.body()
                .get("paths")
                .get("/api/cycles/{id}/import")
                .get("post")
                .get("requestBody")
                .get("content");
        assertThat(content.has("text/csv")).isTrue();
        assertThat(content.has("application/json")).isTrue();
    }

    private String definitionOf(String keyResultId) {
        return jdbc.sql("select convert_from(payload, 'UTF8') from domainevententry where aggregateidentifier = ?"
                        + " and sequencenumber = 0")
                .param(keyResultId)
                .query(String.class)
                .single();
    }

    private static List<String> errors(Answer answer) {
        List<String> errors = new ArrayList<>();
        answer.body()
                .get("errors")
                .forEach(e -> errors.add(e.get("row").asInt() + " "
                        + (e.get("field").isNull() ? "row" : e.get("field").asString()) + " "
                        + e.get("rule").asString()));
        return errors;
    }

    private static String rule(Answer answer) {
        return answer.status() + " " + answer.body().get("rule").asString();
    }

    private Answer importFile(UUID cycle, String contentType, String body, String authorization) {
        return send(HttpRequest.newBuilder(uri("/api/cycles/" + cycle + "/import"))
                .header("Content-Type", contentType)
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                assertThat(response.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            }
            return new Answer(response.statusCode(), JSON.readTree(response.body()), null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
