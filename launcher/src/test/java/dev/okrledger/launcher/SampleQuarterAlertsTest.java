package dev.okrledger.launcher;

import dev.okrledger.contract.event.EventCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.okrledger.launcher.Service.COMMAND;
import static dev.okrledger.launcher.Service.NOTIFIER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The acceptance oracle of issue 5: the sample quarter, loaded end to end through the command API,
 * raises exactly its {@code expectedAlerts} and nothing else, each open or resolved as its
 * {@code resolvedAtWeek} says; the missed check-in comes from the scan on the day of loading.
 */
class SampleQuarterAlertsTest {

    private EmbeddedSystem system;

    @AfterEach
    void stop() {
        if (system != null) {
            system.close();
        }
    }

    /** kind, key result, raised at week (null for the scan), resolved at week (null = open). */
    record Expected(String kind, String keyResult, String severity, Integer week, Integer resolvedAtWeek) {}

    @Test
    void theSampleQuarterRaisesExactlyItsExpectedAlerts() throws Exception {
        system = TestSystem.start();
        DemoLoader.Loaded loaded = new DemoLoader(system.baseUrl(COMMAND)).load();
        Map<UUID, String> refs = loaded.keyResultsByRef().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        List<Expected> expected = expectedAlerts();
        String notifier = system.baseUrl(NOTIFIER);
        String ofCycle = notifier + "/api/alerts?cycleId=" + loaded.cycleId();

        // objectives travel different partitions: the scan must wait until the notifier took in every
        // event, or a key result whose later check-ins are still in flight would look stale. The
        // intake counter must cover at least every check-in and then stand still for two seconds, and
        // every alert the check-ins raise must be there: a pause in the flow alone (the publisher
        // between two batches on a busy machine) once stood the counter still with events in flight.
        int raisedByCheckIns =
                (int) expected.stream().filter(e -> e.week() != null).count();
        double[] last = {-1};
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    double applied = appliedEvents(notifier);
                    boolean settled = applied >= loaded.checkIns()
                            && applied == last[0]
                            && Http.get(ofCycle).body().size() >= raisedByCheckIns;
                    last[0] = applied;
                    return settled;
                });
        assertThat(Http.get(ofCycle).body()).hasSize(raisedByCheckIns);
        // the notifier's clock is the real one: today is day 56 of the cycle
        Http.Response scan = Http.post(notifier + "/api/alerts/scan", "");
        assertThat(scan.status()).isEqualTo(200);

        JsonNode alerts = Http.get(ofCycle).body();
        LocalDate startsOn = LocalDate.now(ZoneOffset.UTC).minusWeeks(8);
        List<Expected> actual = new ArrayList<>();
        for (JsonNode alert : alerts) {
            String kind = alert.get("kind").asString();
            Integer week = kind.equals("MISSED_CHECK_IN") ? null : weekOf(startsOn, alert.get("checkInEffectiveAt"));
            Integer resolvedAtWeek = null;
            if (alert.get("status").asString().equals("RESOLVED")) {
                String by = alert.get("resolvedBy").asString();
                assertThat(by).startsWith("check-in:");
                resolvedAtWeek = weekOfCheckIn(
                        loaded,
                        refs.get(UUID.fromString(alert.get("keyResultId").asString())),
                        UUID.fromString(by.substring("check-in:".length())));
            }
            actual.add(new Expected(
                    kind,
                    refs.get(UUID.fromString(alert.get("keyResultId").asString())),
                    alert.get("severity").asString(),
                    week,
                    resolvedAtWeek));
        }
        assertThat(actual).as("%s", alerts).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(scan.body().get("raised").asInt()).isEqualTo(1);
        // a second scan finds the same silence: nothing new
        assertThat(Http.post(notifier + "/api/alerts/scan", "")
                        .body()
                        .get("raised")
                        .asInt())
                .isZero();
    }

    /** okr_intake_events_total{outcome="applied"} of the notifier. */
    private static double appliedEvents(String notifier) throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(notifier + "/actuator/prometheus"))
                                .header("Authorization", TestSystem.adminBearer())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return metrics.body()
                .lines()
                .filter(l -> l.startsWith("okr_intake_events_total{") && l.contains("applied"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static JsonNode sample() throws IOException {
        try (InputStream in = SampleQuarterAlertsTest.class.getResourceAsStream("/demo/sample-quarter.json")) {
            return EventCodec.mapper().readTree(in);
        }
    }

    private static Integer weekOf(LocalDate startsOn, JsonNode effectiveAt) {
        // week N is effective at noon of day 7N - 1
        long day = Duration.between(
                        startsOn.atStartOfDay().toInstant(ZoneOffset.UTC),
                        java.time.Instant.parse(effectiveAt.asString()))
                .toDays();
        return (int) ((day + 1) / 7);
    }

    /** DemoLoader names check-ins by cycle, key result and week. */
    private static Integer weekOfCheckIn(DemoLoader.Loaded loaded, String ref, UUID checkInId) {
        for (int week = 1; week <= 13; week++) {
            if (UUID.nameUUIDFromBytes((loaded.cycleId() + "/" + ref + "/" + week)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .equals(checkInId)) {
                return week;
            }
        }
        throw new AssertionError("check-in " + checkInId + " is not one of " + ref + "'s");
    }

    private static List<Expected> expectedAlerts() throws IOException {
        List<Expected> expected = new ArrayList<>();
        for (JsonNode e : sample().get("expectedAlerts")) {
            expected.add(new Expected(
                    e.get("kind").asString(),
                    e.get("keyResult").asString(),
                    e.get("severity").asString(),
                    e.hasNonNull("week") ? e.get("week").asInt() : null,
                    e.hasNonNull("resolvedAtWeek") ? e.get("resolvedAtWeek").asInt() : null));
        }
        return expected;
    }
}
