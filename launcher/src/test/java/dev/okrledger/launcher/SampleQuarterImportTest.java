package dev.okrledger.launcher;

import dev.okrledger.contract.event.EventCodec;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.okrledger.launcher.Service.COMMAND;
import static dev.okrledger.launcher.Service.QUERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample quarter ships as an importable file too (demo/sample-quarter-okrs.csv): it says what
 * sample-quarter.json says, imports into a fresh cycle, reaches the query side aligned as planned,
 * and importing it again records nothing.
 */
class SampleQuarterImportTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static EmbeddedSystem system;

    @BeforeAll
    static void start() {
        system = TestSystem.start();
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void theFileSaysWhatTheSampleQuarterSays() throws IOException {
        JsonNode sample = EventCodec.mapper().readTree(resource("/demo/sample-quarter.json"));
        Map<String, CSVRecord> byKeyResult = new HashMap<>();
        for (CSVRecord row : rows()) {
            byKeyResult.put(row.get("keyResultRef"), row);
        }
        int keyResults = 0;
        for (JsonNode objective : sample.get("objectives")) {
            for (JsonNode kr : objective.get("keyResults")) {
                keyResults++;
                CSVRecord row = byKeyResult.get(kr.get("ref").asString());
                assertThat(row).as(kr.get("ref").asString()).isNotNull();
                assertThat(row.get("objectiveRef"))
                        .isEqualTo(objective.get("ref").asString());
                assertThat(row.get("objectiveTitle"))
                        .isEqualTo(objective.get("title").asString());
                assertThat(row.get("level")).isEqualTo(objective.get("level").asString());
                assertThat(row.get("team")).isEqualTo(objective.get("team").asString());
                assertThat(row.get("parentRef"))
                        .isEqualTo(
                                objective.hasNonNull("parent")
                                        ? objective.get("parent").asString()
                                        : "");
                assertThat(row.get("keyResultTitle")).isEqualTo(kr.get("title").asString());
                assertThat(row.get("unit")).isEqualTo(kr.get("unit").asString());
                assertThat(new BigDecimal(row.get("baseline")))
                        .isEqualByComparingTo(kr.get("baseline").decimalValue());
                assertThat(new BigDecimal(row.get("target")))
                        .isEqualByComparingTo(kr.get("target").decimalValue());
                assertThat(row.get("indicator")).isEqualTo(kr.get("indicator").asString());
                assertThat(row.get("owner")).isEqualTo(kr.get("owner").asString());
            }
        }
        assertThat(byKeyResult).hasSize(keyResults);
    }

    @Test
    void theFileImportsReachesTheQuerySideAlignedAndAgainRecordsNothing() throws IOException {
        String command = system.baseUrl(COMMAND);
        LocalDate startsOn = LocalDate.now(ZoneOffset.UTC).minusWeeks(8);
        Http.Response cycle = Http.post(command + "/api/cycles", """
                {"name":"Imported quarter","startsOn":"%s","endsOn":"%s","cadence":"WEEKLY"}""".formatted(startsOn, startsOn.plusWeeks(13)));
        String cycleId = cycle.body().get("id").asString();
        assertThat(Http.post(command + "/api/cycles/" + cycleId + "/activate", "")
                        .status())
                .isEqualTo(204);
        byte[] file = resource("/demo/sample-quarter-okrs.csv");

        Http.Response first = importFile(command + "/api/cycles/" + cycleId + "/import", file);

        assertThat(first.status()).as("%s", first.body()).isEqualTo(201);
        assertThat(first.body().get("created").asInt()).isEqualTo(3 + 8);
        Map<String, String> objectiveIds = new HashMap<>();
        first.body()
                .get("objectives")
                .forEach(o -> objectiveIds.put(
                        o.get("objectiveRef").asString(), o.get("id").asString()));

        String query = system.baseUrl(QUERY);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode dashboard =
                    Http.get(query + "/api/cycles/" + cycleId + "/dashboard").body();
            assertThat(dashboard.path("counts").path("noCheckIn").asInt()).isEqualTo(8);
        });
        JsonNode dashboard =
                Http.get(query + "/api/cycles/" + cycleId + "/dashboard").body();
        List<String> alignedToPlatform = new ArrayList<>();
        dashboard
                .get("groups")
                .forEach(g -> g.get("objectives").forEach(o -> {
                    JsonNode parent = o.get("parentObjectiveId");
                    if (!parent.isNull() && parent.asString().equals(objectiveIds.get("platform"))) {
                        alignedToPlatform.add(o.get("id").asString());
                    }
                }));
        assertThat(alignedToPlatform)
                .containsExactlyInAnyOrder(objectiveIds.get("support"), objectiveIds.get("onboarding"));
        JsonNode completion = Http.get(query + "/api/key-results/"
                        + first.body().get("keyResults").get(5).get("id").asString() + "/detail")
                .body();
        assertThat(completion.get("title").asString()).isEqualTo("Increase onboarding completion");
        assertThat(completion.get("measurement").get("dataSource").asString()).isEqualTo("product analytics");

        Http.Response again = importFile(command + "/api/cycles/" + cycleId + "/import", file);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("created").asInt()).isZero();
        assertThat(again.body().get("alreadyPresent").asInt()).isEqualTo(3 + 8);
    }

    private static List<CSVRecord> rows() throws IOException {
        String text = new String(resource("/demo/sample-quarter-okrs.csv"), StandardCharsets.UTF_8);
        try (CSVParser parser = CSVParser.parse(
                new StringReader(text),
                CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get())) {
            return parser.getRecords();
        }
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = SampleQuarterImportTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }

    private static Http.Response importFile(String url, byte[] csv) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "text/csv")
                .header("Authorization", TestSystem.adminBearer())
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Http.Response(response.statusCode(), EventCodec.mapper().readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
