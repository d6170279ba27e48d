package dev.okrledger.launcher;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.okrledger.launcher.Service.COMMAND;
import static dev.okrledger.launcher.Service.QUERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The sample quarter, loaded through the command API, replayed by the query service: the week-8
 * board lists exactly the behind-pace key results of sample-quarter.json
 * ({@code expectedBehindPaceAfterWeek8}: frt, resolved48, activation).
 */
class ReplaySampleQuarterTest {

    private static EmbeddedSystem system;
    private static DemoLoader.Loaded loaded;

    @BeforeAll
    static void loadTheSampleQuarter() {
        system = TestSystem.start();
        loaded = new DemoLoader(system.baseUrl(COMMAND)).load();
        String query = system.baseUrl(QUERY);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode history = Http.get(query + "/api/cycles/" + loaded.cycleId() + "/dashboard")
                    .body();
            assertThat(history.path("counts").path("noCheckIn").asInt(-1)).isZero();
            int checkIns = 0;
            for (UUID kr : loaded.keyResultsByRef().values()) {
                checkIns += Http.get(query + "/api/key-results/" + kr + "/confidence-history")
                        .body()
                        .size();
            }
            assertThat(checkIns).isEqualTo(loaded.checkIns());
        });
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void theWeek8BoardListsExactlyTheBehindPaceKeyResultsOfTheSample() {
        JsonNode weeks = Http.get(system.baseUrl(QUERY) + "/api/cycles/" + loaded.cycleId() + "/replay")
                .body()
                .get("weeks");

        assertThat(weeks).hasSize(8);
        JsonNode week8 = weeks.get(7);
        assertThat(week8.get("week").asInt()).isEqualTo(8);
        assertThat(week8.get("expectedProgress").asDouble()).isCloseTo(56.0 / 91, within(1e-9));
        List<String> behind = new ArrayList<>();
        week8.get("behindPace")
                .forEach(
                        k -> behind.add(ref(UUID.fromString(k.get("keyResultId").asString()))));
        assertThat(behind).containsExactlyInAnyOrder("frt", "resolved48", "activation");
    }

    @Test
    void theRetrospectiveWaitsForTheCloseAndTheEndpointsAreDocumented() {
        String query = system.baseUrl(QUERY);
        assertThat(Http.get(query + "/api/cycles/" + loaded.cycleId() + "/retrospective")
                        .status())
                .isEqualTo(409);

        JsonNode paths = Http.get(query + "/v3/api-docs").body().get("paths");
        List<String> documented = new ArrayList<>();
        paths.propertyNames().forEach(documented::add);
        assertThat(documented)
                .contains(
                        "/api/cycles",
                        "/api/cycles/{id}/dashboard",
                        "/api/cycles/{id}/replay",
                        "/api/cycles/{id}/retrospective",
                        "/api/cycles/{id}/health",
                        "/api/key-results/{id}/detail",
                        "/api/key-results/{id}/audit",
                        "/api/objectives/{id}/audit",
                        "/api/admin/rebuild");
    }

    private static String ref(UUID keyResultId) {
        return loaded.keyResultsByRef().entrySet().stream()
                .filter(e -> e.getValue().equals(keyResultId))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(keyResultId.toString());
    }
}
