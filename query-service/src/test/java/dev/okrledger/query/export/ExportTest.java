package dev.okrledger.query.export;

import dev.okrledger.contract.event.ObjectiveLevel;
import dev.okrledger.query.support.Quarter;
import dev.okrledger.query.support.QueryServiceTest;
import dev.okrledger.security.TestTokens;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports read back as a spreadsheet would give the same values as the JSON read models they come
 * from (dashboard, confidence history, retrospective), and open safely in a spreadsheet.
 */
class ExportTest extends QueryServiceTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private record File(int status, String contentType, String disposition, String text) {}

    /** A quarter in week 6: an aligned tree, a decreasing KR, a dropped one, a late check-in, an objective without KRs. */
    private Quarter quarter(LocalDate startsOn) {
        Quarter q = new Quarter(intake, startsOn, 13).plannedAndActive();
        UUID company = q.objective("Be trusted at peak", ObjectiveLevel.COMPANY, "leadership", null);
        UUID support = q.objective("=HYPERLINK(\"http://evil\")", ObjectiveLevel.TEAM, "support", company);
        q.objective("Nothing measured yet", ObjectiveLevel.TEAM, "growth", company);
        UUID sev1 = q.keyResult(company, "Sev-1 incidents", 6, 2);
        UUID frt = q.keyResult(support, "First response", 12, 4);
        UUID nps = q.keyResult(support, "Net promoter score", -5, 20);
        UUID gone = q.keyResult(support, "Gone", 0, 10);
        q.at(q.week(1));
        q.checkIn(sev1, q.week(1), 6, 7);
        q.checkIn(frt, q.week(1), 11, 8, "@channel first week", "-", "+1 agent");
        q.checkIn(nps, q.week(1), -3, 6);
        q.checkIn(gone, q.week(1), 2, 5);
        q.at(q.week(3));
        q.checkIn(frt, q.week(3), 9.5, 5, "Two agents left, queue doubled", "Staffing", "Hire a contractor");
        q.checkIn(nps, q.week(3), 1.25, 7);
        q.drop(gone, "not ours");
        q.at(q.week(5)).checkIn(frt, q.day(20), 10, 4); // recorded in week 5, effective on day 20
        return q;
    }

    @Test
    void theBoardReadBackGivesTheDashboardsValuesAsOfAMoment() {
        Quarter q = quarter(LocalDate.now(ZoneOffset.UTC).minusWeeks(6));
        for (Instant asOf : List.of(q.day(25), q.week(5).plusSeconds(60))) {
            JsonNode dashboard = ok("/api/cycles/" + q.cycleId + "/dashboard?asOf=" + asOf);
            List<Map<String, String>> rows =
                    csv(download("/api/cycles/" + q.cycleId + "/export/board.csv?asOf=" + asOf));

            List<JsonNode> objectives = new ArrayList<>();
            dashboard.get("groups").forEach(g -> g.get("objectives").forEach(objectives::add));
            int row = 0;
            for (JsonNode o : objectives) {
                List<JsonNode> keyResults = new ArrayList<>();
                o.get("keyResults").forEach(keyResults::add);
                for (int k = 0; k < Math.max(1, keyResults.size()); k++) {
                    Map<String, String> cells = rows.get(row++);
                    sameValues(
                            cells,
                            o,
                            Map.of(
                                    "objectiveId",
                                    "id",
                                    "objectiveTitle",
                                    "title",
                                    "level",
                                    "level",
                                    "team",
                                    "team",
                                    "parentObjectiveId",
                                    "parentObjectiveId",
                                    "objectiveProgress",
                                    "progress",
                                    "objectivePace",
                                    "pace",
                                    "objectiveBand",
                                    "band",
                                    "objectiveMeanConfidence",
                                    "meanConfidence"));
                    if (keyResults.isEmpty()) {
                        assertThat(cells.get("keyResultId")).isEmpty();
                        continue;
                    }
                    Map<String, String> krColumns = new HashMap<>(Map.of(
                            "keyResultId",
                            "id",
                            "keyResultTitle",
                            "title",
                            "unit",
                            "unit",
                            "owner",
                            "owner",
                            "baseline",
                            "baseline",
                            "target",
                            "target",
                            "value",
                            "value",
                            "progress",
                            "progress",
                            "expectedProgress",
                            "expectedProgress",
                            "pace",
                            "pace"));
                    krColumns.putAll(Map.of(
                            "confidence",
                            "confidence",
                            "band",
                            "band",
                            "trend",
                            "trend",
                            "stale",
                            "stale",
                            "lastCheckInAt",
                            "lastCheckInAt"));
                    sameValues(cells, keyResults.get(k), krColumns);
                }
            }
            assertThat(rows).hasSize(row).hasSize(4); // 3 objectives, one without key results; the dropped one left out
        }
        // the JSON export has the CSV's rows
        Instant asOf = q.day(25);
        List<Map<String, String>> csvRows =
                csv(download("/api/cycles/" + q.cycleId + "/export/board.csv?asOf=" + asOf));
        JsonNode jsonRows = ok("/api/cycles/" + q.cycleId + "/export/board.json?asOf=" + asOf);
        assertThat(jsonRows).hasSize(csvRows.size());
        for (int i = 0; i < csvRows.size(); i++) {
            Map<String, String> cells = csvRows.get(i);
            Map<String, String> sameNames = new HashMap<>();
            cells.keySet().forEach(c -> sameNames.put(c, c));
            sameValues(cells, jsonRows.get(i), sameNames);
        }
    }

    @Test
    void checkInsReadBackGiveTheConfidenceHistoryAndAsOfLeavesOutLaterRecords() {
        Quarter q = quarter(LocalDate.now(ZoneOffset.UTC).minusWeeks(6));
        List<Map<String, String>> rows = csv(download("/api/cycles/" + q.cycleId + "/export/check-ins.csv"));

        assertThat(rows).hasSize(7);
        Map<String, List<Map<String, String>>> byKeyResult = new HashMap<>();
        rows.forEach(r -> byKeyResult
                .computeIfAbsent(r.get("keyResultId"), k -> new ArrayList<>())
                .add(r));
        for (Map.Entry<String, List<Map<String, String>>> kr : byKeyResult.entrySet()) {
            JsonNode history = ok("/api/key-results/" + kr.getKey() + "/confidence-history");
            assertThat(kr.getValue()).hasSize(history.size());
            for (int i = 0; i < history.size(); i++) {
                sameValues(
                        kr.getValue().get(i),
                        history.get(i),
                        Map.of(
                                "checkInId",
                                "checkInId",
                                "effectiveAt",
                                "effectiveAt",
                                "value",
                                "value",
                                "confidence",
                                "confidence",
                                "band",
                                "band",
                                "progress",
                                "progress",
                                "note",
                                "note",
                                "blockers",
                                "blockers",
                                "decision",
                                "decision",
                                "recordedAt",
                                "recordedAt"));
                assertThat(kr.getValue().get(i).get("recordedBy"))
                        .isEqualTo(history.get(i).get("recordedBy").asString());
            }
        }
        assertThat(rows.stream()
                        .filter(r -> r.get("keyResultTitle").equals("Gone"))
                        .map(r -> r.get("keyResultStatus")))
                .containsExactly("DROPPED");

        Instant asOf = q.day(25);
        List<Map<String, String>> then =
                csv(download("/api/cycles/" + q.cycleId + "/export/check-ins.csv?asOf=" + asOf));
        assertThat(then).hasSize(6);
        List<Map<String, String>> week1 =
                csv(download("/api/cycles/" + q.cycleId + "/export/check-ins.csv?asOf=" + q.day(10)));
        assertThat(week1).hasSize(4);
        assertThat(week1.stream()
                        .filter(r -> r.get("keyResultTitle").equals("Gone"))
                        .map(r -> r.get("keyResultStatus")))
                .containsExactly("ACTIVE");
        JsonNode detail = ok("/api/key-results/"
                + then.stream()
                        .filter(r -> r.get("keyResultTitle").equals("First response"))
                        .findFirst()
                        .orElseThrow()
                        .get("keyResultId")
                + "/detail?asOf=" + asOf);
        assertThat(then.stream()
                        .filter(r -> r.get("keyResultTitle").equals("First response"))
                        .map(r -> r.get("checkInId")))
                .containsExactly(
                        detail.get("series").get(0).get("checkInId").asString(),
                        detail.get("series").get(1).get("checkInId").asString());
    }

    @Test
    void theRetrospectiveReadBackGivesTheRetrospectivesValues() {
        Quarter q = quarter(LocalDate.now(ZoneOffset.UTC).minusWeeks(13));
        assertThat(download("/api/cycles/" + q.cycleId + "/export/retrospective.csv")
                        .status())
                .isEqualTo(409);
        q.at(q.week(13)).closed();
        UUID company = UUID.fromString(ok("/api/cycles/" + q.cycleId + "/retrospective")
                .get("objectives")
                .get(0)
                .get("id")
                .asString());
        q.retrospectiveNote(company, "Peak held");
        JsonNode retrospective = ok("/api/cycles/" + q.cycleId + "/retrospective");

        List<Map<String, String>> rows = csv(download("/api/cycles/" + q.cycleId + "/export/retrospective.csv"));
        int row = 0;
        for (JsonNode o : retrospective.get("objectives")) {
            for (int k = 0; k < Math.max(1, o.get("keyResults").size()); k++) {
                Map<String, String> cells = rows.get(row++);
                sameValues(
                        cells,
                        o,
                        Map.of(
                                "objectiveId",
                                "id",
                                "objectiveTitle",
                                "title",
                                "team",
                                "team",
                                "objectiveScore",
                                "score"));
                if (o.get("keyResults").isEmpty()) {
                    continue;
                }
                JsonNode kr = o.get("keyResults").get(k);
                sameValues(
                        cells,
                        kr,
                        Map.of(
                                "keyResultId",
                                "id",
                                "keyResultTitle",
                                "title",
                                "owner",
                                "owner",
                                "finalValue",
                                "finalValue",
                                "score",
                                "score",
                                "graded",
                                "graded",
                                "targetHit",
                                "targetHit",
                                "finalConfidence",
                                "finalConfidence",
                                "brierScore",
                                "brierScore"));
                sameValues(
                        cells,
                        kr.get("adherence"),
                        Map.of("periods", "periods", "periodsWithCheckIn", "periodsWithCheckIn", "adherence", "share"));
                assertThat(Integer.parseInt(cells.get("checkIns")))
                        .isEqualTo(kr.get("trajectory").size());
            }
        }
        assertThat(rows).hasSize(row).hasSize(4);
        assertThat(rows.get(0).get("notes")).isEqualTo("Peak held");

        List<Map<String, String>> teams = csv(download("/api/cycles/" + q.cycleId + "/export/retrospective-teams.csv"));
        assertThat(teams).hasSize(retrospective.get("teams").size());
        for (int i = 0; i < teams.size(); i++) {
            JsonNode team = retrospective.get("teams").get(i);
            sameValues(
                    teams.get(i),
                    team,
                    Map.of(
                            "team",
                            "team",
                            "keyResults",
                            "keyResults",
                            "targetsHit",
                            "targetsHit",
                            "checkIns",
                            "checkIns",
                            "brierScore",
                            "brierScore"));
            sameValues(teams.get(i), team.get("adherence"), Map.of("adherence", "share"));
        }
    }

    @Test
    void csvFilesOpenSafelyInASpreadsheet() {
        Quarter q = quarter(LocalDate.now(ZoneOffset.UTC).minusWeeks(6));
        File board = download("/api/cycles/" + q.cycleId + "/export/board.csv");

        assertThat(board.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(board.disposition()).isEqualTo("attachment; filename=\"board-" + q.cycleId + ".csv\"");
        assertThat(board.text()).startsWith("\uFEFFobjectiveId,objectiveTitle,level,team,");
        assertThat(board.text()).contains("\r\n");
        List<Map<String, String>> rows = csv(board);
        Map<String, String> nps = rows.stream()
                .filter(r -> r.get("keyResultTitle").equals("Net promoter score"))
                .findFirst()
                .orElseThrow();
        assertThat(nps.get("objectiveTitle")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(nps.get("baseline")).startsWith("-5"); // numbers stay numbers
        assertThat(new BigDecimal(nps.get("baseline"))).isEqualByComparingTo("-5");
        assertThat(nps.get("value")).isEqualTo("1.25");
        assertThat(new BigDecimal(nps.get("progress"))).isEqualByComparingTo("0.25");

        Map<String, String> first = csv(download("/api/cycles/" + q.cycleId + "/export/check-ins.csv")).stream()
                .filter(r -> r.get("keyResultTitle").equals("First response"))
                .findFirst()
                .orElseThrow();
        assertThat(first.get("note")).isEqualTo("'@channel first week");
        assertThat(first.get("blockers")).isEqualTo("'-");
        assertThat(first.get("decision")).isEqualTo("'+1 agent");
        assertThat(first.get("effectiveAt")).isEqualTo(q.week(1).toString());
    }

    @Test
    void badRequestsAreProblemsNamingTheField() {
        Quarter q = quarter(LocalDate.now(ZoneOffset.UTC).minusWeeks(6));
        String base = "/api/cycles/" + q.cycleId + "/export/";
        assertThat(problem(base + "board.csv?asOf=yesterday")).isEqualTo("400 invalid-as-of asOf");
        assertThat(problem(base + "board.xlsx")).isEqualTo("404 unknown-export-format format");
        assertThat(problem("/api/cycles/" + UUID.randomUUID() + "/export/check-ins.csv"))
                .isEqualTo("404 unknown-cycle null");
        assertThat(problem(base + "board.csv?asOf=" + q.day(-30))).isEqualTo("404 unknown-cycle null");
        assertThat(problem(base + "retrospective.json")).isEqualTo("409 retrospective-needs-closed-cycle null");
        assertThat(problem("/api/cycles/" + q.cycleId + "/export/check-ins.json?asOf=2026-13-01T00:00:00Z"))
                .isEqualTo("400 invalid-as-of asOf");
    }

    @Test
    void theExportsAreInTheOpenApiDocument() {
        List<String> paths = new ArrayList<>();
        ok("/v3/api-docs").get("paths").propertyNames().forEach(paths::add);
        assertThat(paths)
                .contains(
                        "/api/cycles/{id}/export/board.{format}",
                        "/api/cycles/{id}/export/check-ins.{format}",
                        "/api/cycles/{id}/export/retrospective.{format}",
                        "/api/cycles/{id}/export/retrospective-teams.{format}");
    }

    /** Every mapped column of the CSV row holds the JSON field's value: numbers equal as decimals, absent as empty. */
    private static void sameValues(Map<String, String> cells, JsonNode json, Map<String, String> columnToField) {
        columnToField.forEach((column, field) -> {
            String cell = cells.get(column);
            JsonNode value = json.get(field);
            assertThat(cell).as("column %s", column).isNotNull();
            if (value == null || value.isNull()) {
                assertThat(cell).as("column %s", column).isEmpty();
            } else if (value.isNumber()) {
                assertThat(new BigDecimal(cell))
                        .as("column %s", column)
                        .isEqualByComparingTo(new BigDecimal(value.toString()));
            } else if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(v -> items.add(v.asString()));
                assertThat(cell).as("column %s", column).isEqualTo(String.join(";", items));
            } else {
                String text = value.asString();
                assertThat(cell).as("column %s", column).isIn(text, "'" + text);
            }
        });
    }

    private static List<Map<String, String>> csv(File file) {
        assertThat(file.status()).as(file.text()).isEqualTo(200);
        assertThat(file.text()).startsWith("\uFEFF");
        try (CSVParser parser = CSVParser.parse(
                new StringReader(file.text().substring(1)),
                CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get())) {
            return parser.getRecords().stream().map(CSVRecord::toMap).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String problem(String path) {
        Answer answer = get(path);
        assertThat(answer.body().has("rule")).as("%s", answer.body()).isTrue();
        JsonNode field = answer.body().get("field");
        return answer.status() + " " + answer.body().get("rule").asString() + " "
                + (field == null ? "null" : field.asString());
    }

    private File download(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestTokens.admin())
                .GET()
                .build();
        try {
            HttpResponse<String> response =
                    HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new File(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Content-Disposition").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
