package dev.okrledger.launcher;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.okrledger.launcher.Service.COMMAND;
import static dev.okrledger.launcher.Service.NOTIFIER;
import static dev.okrledger.launcher.Service.QUERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One truth for pace (issue 10): a key result with a front-loaded plan (80 % by week 4) and one with
 * a back-loaded plan (20 % by week 9), 0 → 100 in a 13-week cycle, checked in at several moments.
 * At every check-in's moment the KR detail's series, the replay's week and the notifier's
 * BEHIND_PACE alerts (raised by that check-in, or resolved by it) give the same verdict; now, the
 * dashboard, its at-risk list, {@code GET /api/key-results/{id}}, the KR detail and the open alerts
 * agree too. Backdated check-ins sit exactly at week ends, so the replay judges them at their moment.
 */
class PaceAgreementTest {

    private static final String ON_TRACK = "ON_TRACK";
    private static final String BEHIND = "BEHIND";

    private static EmbeddedSystem system;

    /** A check-in of both key results at the end of {@code week} (null: now), and the verdicts it must get. */
    record Step(Integer week, int front, String frontPace, int back, String backPace) {}

    @BeforeAll
    static void start() {
        system = TestSystem.start();
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void theIssuesExampleIsBehindEverywhereAtWeekSix() {
        // expected front: 40 % at week 2, 80 % at week 4, 84.4 % at week 6; back: 4.4 %, 8.9 %, 13.3 %
        Cycle cycle = new Cycle(6);
        cycle.checkIn(new Step(2, 35, ON_TRACK, 2, ON_TRACK));
        cycle.checkIn(new Step(4, 75, ON_TRACK, 5, ON_TRACK)); // linear pace (30.8 %) would call back behind
        cycle.checkInNowAndAwaitTheAlertOf(
                cycle.front, new Step(null, 50, BEHIND, 10, ON_TRACK)); // linear (46 %) would call front on track

        cycle.assertAgreement();
    }

    @Test
    void raisesAndRecoveriesAgreeWithTheBoardWeekByWeek() {
        // expected front: 40, 80, 84.4, 88.9, then 93.3 % at week 10; back: 4.4, 8.9, 13.3, 17.8, then 40 %
        Cycle cycle = new Cycle(10);
        cycle.checkIn(new Step(2, 20, BEHIND, 1, ON_TRACK));
        cycle.checkIn(new Step(4, 75, ON_TRACK, 3, ON_TRACK));
        cycle.checkIn(new Step(6, 70, BEHIND, 4, ON_TRACK)); // back: 4 >= 13.3 - 10
        cycle.checkIn(new Step(8, 85, ON_TRACK, 10, ON_TRACK));
        cycle.checkInNowAndAwaitTheAlertOf(
                cycle.back, new Step(null, 85, ON_TRACK, 25, BEHIND)); // the back-loaded plan climbs after week 9

        cycle.assertAgreement();
    }

    /** A cycle that started {@code weeksAgo} weeks ago, with one objective and the two planned key results. */
    private static final class Cycle {

        final UUID id;
        final LocalDate startsOn;
        final UUID front;
        final UUID back;
        final List<Step> steps = new ArrayList<>();
        final List<UUID> frontCheckIns = new ArrayList<>();
        final List<UUID> backCheckIns = new ArrayList<>();

        Cycle(int weeksAgo) {
            String command = system.baseUrl(COMMAND);
            startsOn = LocalDate.now(ZoneOffset.UTC).minusWeeks(weeksAgo);
            id = Http.createdId(
                    Http.post(command + "/api/cycles", """
                    {"name":"Q%d","startsOn":"%s","endsOn":"%s","cadence":"WEEKLY"}""".formatted(weeksAgo, startsOn, startsOn.plusWeeks(13))));
            assertThat(Http.post(command + "/api/cycles/" + id + "/activate", "")
                            .status())
                    .isEqualTo(204);
            UUID objective = Http.createdId(Http.post(command + "/api/objectives", """
                    {"cycleId":"%s","title":"Grow the partner channel","level":"TEAM","team":"partners"}""".formatted(id)));
            front = keyResult(objective, "Partners signed (front-loaded)", startsOn.plusWeeks(4), 80);
            back = keyResult(objective, "Partner revenue (back-loaded)", startsOn.plusWeeks(9), 20);
        }

        private UUID keyResult(UUID objective, String title, LocalDate checkpoint, int expectedValue) {
            return Http.createdId(
                    Http.post(system.baseUrl(COMMAND) + "/api/objectives/" + objective + "/key-results", """
                    {"title":"%s","unit":"%%","baseline":0,"target":100,"indicator":"LAGGING","owner":"partner-lead",
                     "checkpoints":[{"date":"%s","expectedValue":%d}]}""".formatted(
                                    title, checkpoint, expectedValue)));
        }

        /** Both key results, effective exactly at the end of the step's week. */
        void checkIn(Step step) {
            steps.add(step);
            String effectiveAt = startsOn.plusWeeks(step.week())
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant()
                    .toString();
            frontCheckIns.add(checkIn(front, step.front(), effectiveAt));
            backCheckIns.add(checkIn(back, step.back(), effectiveAt));
        }

        /**
         * Both key results now, {@code raising} last: both travel one partition (their objective's), so
         * once its alert is there the notifier has judged every check-in before it.
         */
        void checkInNowAndAwaitTheAlertOf(UUID raising, Step step) {
            steps.add(step);
            UUID other = raising.equals(front) ? back : front;
            UUID otherCheckIn = checkIn(other, other.equals(front) ? step.front() : step.back(), null);
            UUID raisingCheckIn = checkIn(raising, raising.equals(front) ? step.front() : step.back(), null);
            frontCheckIns.add(raising.equals(front) ? raisingCheckIn : otherCheckIn);
            backCheckIns.add(raising.equals(back) ? raisingCheckIn : otherCheckIn);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(history(front)).hasSize(steps.size());
                assertThat(history(back)).hasSize(steps.size());
                assertThat(behindPaceAlerts(raising))
                        .anyMatch(a -> a.get("checkInId").asString().equals(raisingCheckIn.toString()));
            });
        }

        private UUID checkIn(UUID keyResult, int value, String effectiveAt) {
            UUID checkInId = UUID.randomUUID();
            String at = effectiveAt == null ? "" : ",\"effectiveAt\":\"" + effectiveAt + "\"";
            Http.Response response =
                    Http.post(system.baseUrl(COMMAND) + "/api/key-results/" + keyResult + "/check-ins", """
                    {"checkInId":"%s","value":%d,"confidence":7%s}""".formatted(
                                    checkInId, value, at));
            assertThat(response.status()).as("%s", response.body()).isEqualTo(201);
            return checkInId;
        }

        void assertAgreement() {
            JsonNode weeks = Http.get(system.baseUrl(QUERY) + "/api/cycles/" + id + "/replay")
                    .body()
                    .get("weeks");
            assertKeyResult(
                    front, frontCheckIns, steps.stream().map(Step::frontPace).toList(), weeks);
            assertKeyResult(
                    back, backCheckIns, steps.stream().map(Step::backPace).toList(), weeks);
        }

        private void assertKeyResult(UUID keyResult, List<UUID> checkIns, List<String> expected, JsonNode weeks) {
            String query = system.baseUrl(QUERY);
            JsonNode detail = Http.get(query + "/api/key-results/" + keyResult + "/detail")
                    .body();
            List<String> afterEachCheckIn = notifierVerdicts(keyResult, checkIns);
            for (int i = 0; i < steps.size(); i++) {
                String because = "check-in %d of %s".formatted(i + 1, keyResult);
                JsonNode point = detail.get("series").get(i);
                assertThat(point.get("checkInId").asString())
                        .isEqualTo(checkIns.get(i).toString());
                assertThat(point.get("pace").asString())
                        .as("detail series, " + because)
                        .isEqualTo(expected.get(i));
                assertThat(afterEachCheckIn.get(i)).as("notifier, " + because).isEqualTo(expected.get(i));
                Integer week = steps.get(i).week();
                if (week != null) {
                    assertThat(behindInWeek(weeks.get(week - 1), keyResult) ? BEHIND : ON_TRACK)
                            .as("replay week %d, %s", week, because)
                            .isEqualTo(expected.get(i));
                }
            }

            String now = expected.get(expected.size() - 1);
            JsonNode board =
                    Http.get(query + "/api/cycles/" + id + "/dashboard").body();
            assertThat(row(board, keyResult).get("pace").asString())
                    .as("dashboard")
                    .isEqualTo(now);
            assertThat(onAtRiskListForPace(board, keyResult) ? BEHIND : ON_TRACK)
                    .as("at-risk list")
                    .isEqualTo(now);
            assertThat(
                            Http.get(query + "/api/key-results/" + keyResult)
                                            .body()
                                            .get("behindPace")
                                            .asBoolean()
                                    ? BEHIND
                                    : ON_TRACK)
                    .as("GET /api/key-results/{id}")
                    .isEqualTo(now);
            assertThat(detail.get("current").get("pace").asString())
                    .as("KR detail")
                    .isEqualTo(now);
            boolean open = behindPaceAlerts(keyResult).stream()
                    .anyMatch(a -> !a.get("status").asString().equals("RESOLVED"));
            assertThat(open ? BEHIND : ON_TRACK).as("open BEHIND_PACE alert").isEqualTo(now);
        }

        /**
         * The notifier's pace state after each check-in: a BEHIND_PACE alert names the check-in that
         * raised it, and its resolution the check-in that recovered; any other check-in kept the state.
         */
        private List<String> notifierVerdicts(UUID keyResult, List<UUID> checkIns) {
            List<JsonNode> alerts = behindPaceAlerts(keyResult);
            List<String> verdicts = new ArrayList<>();
            String state = ON_TRACK;
            for (UUID checkIn : checkIns) {
                for (JsonNode alert : alerts) {
                    if (alert.get("checkInId").asString().equals(checkIn.toString())) {
                        state = BEHIND;
                    }
                    if (("check-in:" + checkIn).equals(alert.path("resolvedBy").asString(null))) {
                        state = ON_TRACK;
                    }
                }
                verdicts.add(state);
            }
            return verdicts;
        }

        private List<JsonNode> behindPaceAlerts(UUID keyResult) {
            List<JsonNode> alerts = new ArrayList<>();
            Http.get(system.baseUrl(NOTIFIER) + "/api/alerts?keyResultId=" + keyResult)
                    .body()
                    .forEach(alert -> {
                        if (alert.get("kind").asString().equals("BEHIND_PACE")) {
                            alerts.add(alert);
                        }
                    });
            return alerts;
        }

        private JsonNode history(UUID keyResult) {
            return Http.get(system.baseUrl(QUERY) + "/api/key-results/" + keyResult + "/confidence-history")
                    .body();
        }
    }

    private static boolean behindInWeek(JsonNode week, UUID keyResult) {
        for (JsonNode behind : week.get("behindPace")) {
            if (behind.get("keyResultId").asString().equals(keyResult.toString())) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode row(JsonNode board, UUID keyResult) {
        for (JsonNode group : board.get("groups")) {
            for (JsonNode objective : group.get("objectives")) {
                for (JsonNode kr : objective.get("keyResults")) {
                    if (kr.get("id").asString().equals(keyResult.toString())) {
                        return kr;
                    }
                }
            }
        }
        throw new AssertionError("not on the board: " + keyResult);
    }

    private static boolean onAtRiskListForPace(JsonNode board, UUID keyResult) {
        for (JsonNode risk : board.get("atRisk")) {
            if (risk.get("keyResultId").asString().equals(keyResult.toString())) {
                for (JsonNode reason : risk.get("reasons")) {
                    if (reason.asString().equals("BEHIND_PACE")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
