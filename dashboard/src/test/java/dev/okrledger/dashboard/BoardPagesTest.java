package dev.okrledger.dashboard;

import dev.okrledger.contract.event.InitiativeStatus;
import dev.okrledger.contract.event.ObjectiveLevel;
import dev.okrledger.query.support.Quarter;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board, replay, time travel, key result and retrospective pages, read as HTML after the read
 * models were fed a quarter that started eight weeks ago (today is day 56, as in the demo).
 */
class BoardPagesTest extends PageTest {

    private Quarter q;
    private UUID sev1;
    private UUID frt;
    private UUID resolved;
    private UUID activation;
    private UUID completion;
    private PageClient browser;

    @BeforeEach
    void quarter() {
        q = new Quarter(intake, LocalDate.now(ZoneOffset.UTC).minusWeeks(8), 13).plannedAndActive();
        UUID company = q.objective("Trusted platform " + q.cycleId, ObjectiveLevel.COMPANY, "leadership", null);
        sev1 = q.keyResult(company, "sev1", 6, 2);
        UUID support = q.objective("Faster support " + q.cycleId, ObjectiveLevel.TEAM, "support", company);
        frt = q.keyResult(support, "frt", 12, 4);
        resolved = q.keyResult(support, "resolved48", 55, 75);
        UUID growth = q.objective("Onboarding " + q.cycleId, ObjectiveLevel.TEAM, "growth", company);
        activation = q.keyResult(growth, "activation", 45, 60);
        completion = q.keyResult(growth, "completion", 62, 78);
        double[] frtValues = {12, 11, 10, 10, 9, 9, 8, 8.5};
        int[] frtConfidence = {8, 8, 8, 7, 7, 7, 7, 3};
        double[] completionValues = {62, 63, 63, 64, 63, 66, 70, 71};
        for (int week = 1; week <= 8; week++) {
            q.at(q.week(week));
            q.checkIn(sev1, q.week(week), week < 3 ? 6 : 6 - (week - 1) / 2.0, 7);
            q.checkIn(
                    frt,
                    q.week(week),
                    frtValues[week - 1],
                    frtConfidence[week - 1],
                    week == 8 ? "Two agents left" : null,
                    week == 8 ? "Staffing" : null,
                    null);
            q.checkIn(activation, q.week(week), 45 + 0.75 * week, 6);
            q.checkIn(completion, q.week(week), completionValues[week - 1], 7);
            if (week <= 4) {
                q.checkIn(resolved, q.week(week), 55 + 1.5 * week, 7);
            }
        }
        UUID initiative = q.initiative(frt, "Macro clean-up", "Macro clean-up", InitiativeStatus.ACTIVE);
        q.pivot(frt, initiative, "Macro clean-up", "Hire a contractor", "Two agents left", null);
        browser = browser();
        browser.signIn("lee", "leadership", "OKR_LEAD");
    }

    @Test
    void theBoardListsTheBehindPaceKeyResultsWithTheSameVerdictsAsTheReadModel() {
        Document board = browser.get("/cycles/" + q.cycleId).html();

        assertThat(behindPace(board)).containsExactlyInAnyOrder(frt, resolved, activation);
        Set<UUID> apiBehind = new HashSet<>();
        ok("/api/cycles/" + q.cycleId + "/dashboard").get("atRisk").forEach(r -> {
            if (r.get("reasons").toString().contains("BEHIND_PACE")) {
                apiBehind.add(UUID.fromString(r.get("keyResultId").asString()));
            }
        });
        assertThat(behindPace(board)).isEqualTo(apiBehind);
        assertThat(board.select(".count.behind .n").text()).isEqualTo("3");
        assertThat(board.select(".count.band-RED .n").text()).isEqualTo("1");
        assertThat(board.select("h2.group-title").eachText())
                .containsExactly(
                        "Company level · team leadership", "Team level · team growth", "Team level · team support");
        Element frtRow = keyResult(board, frt);
        assertThat(frtRow.select(".kr-value").text()).isEqualTo("8.5 units");
        assertThat(frtRow.select(".band").text()).isEqualTo("RED");
        assertThat(frtRow.select("svg.bar").attr("aria-label")).startsWith("progress 44 %, expected 6");
        assertThat(board.select("tr.risk[data-key-result-id=" + resolved + "] .reason")
                        .eachText())
                .containsExactly("behind pace", "missed check-in");
    }

    @Test
    void filtersByTeamAndLevelKeepTheirCountsToTheMatchingObjectives() {
        Document support = browser.get("/cycles/" + q.cycleId + "?team=support").html();
        Document company =
                browser.get("/cycles/" + q.cycleId + "?level=COMPANY").html();

        assertThat(support.select("article.objective h3").eachText()).containsExactly("Faster support " + q.cycleId);
        assertThat(behindPace(support)).containsExactlyInAnyOrder(frt, resolved);
        assertThat(company.select("article.objective h3").eachText()).containsExactly("Trusted platform " + q.cycleId);
        assertThat(company.select("li.kr").eachAttr("data-key-result-id")).containsExactly(sev1.toString());
        assertThat(support.select("input[name=team]").val()).isEqualTo("support");
    }

    @Test
    void theKeyResultChartHasOnePointPerCheckInBesideTheExpectedLineAndItsPivot() {
        Document page = browser.get("/key-results/" + frt).html();

        JsonNode chart = JSON.readTree(page.select("canvas#kr-chart").attr("data-chart"));
        assertThat(chart.get("progress")).hasSize(8);
        assertThat(chart.get("confidence")).hasSize(8);
        assertThat(chart.get("confidence").get(7).get("y").asInt()).isEqualTo(3);
        assertThat(chart.get("progress").get(7).get("y").asDouble()).isEqualTo(44);
        assertThat(chart.get("expected").size()).isGreaterThanOrEqualTo(2);
        assertThat(chart.get("pivots")).hasSize(1);
        assertThat(chart.get("weeks").asDouble()).isEqualTo(13.0);
        assertThat(page.select("table#check-ins tbody tr")).hasSize(8);
        assertThat(page.select(".conversation").text()).contains("Two agents left", "Staffing");
        assertThat(page.select("ol.timeline > li")).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void steppingBackToWeek4ShowsWeek4ValuesAndSaysItIsThePast() {
        Document week8 = browser.get("/cycles/" + q.cycleId + "/replay").html();
        assertThat(week8.select("#week-select option[selected]").text()).isEqualTo("8");
        assertThat(behindPace(week8)).containsExactlyInAnyOrder(frt, resolved, activation);

        Document week4 = browser.get(
                        week8.select("a#previous-week").attr("href").replace("week=7", "week=4"))
                .html();

        assertThat(week4.select(".banner.past").text())
                .startsWith("This shows the past.")
                .contains("week 4");
        assertThat(keyResult(week4, frt).select(".kr-value").text()).isEqualTo("10 units");
        assertThat(keyResult(week4, resolved).select(".kr-value").text()).isEqualTo("61 units");
        assertThat(week4.select("a#next-week").attr("href")).contains("week=5");
        assertThat(browser.get("/cycles/" + q.cycleId + "/replay?week=9").status())
                .isEqualTo(400);
    }

    @Test
    void timeTravelShowsTheBoardAsKnownAtTheEndOfAPastDay() {
        String day = LocalDate.ofInstant(q.week(4), ZoneOffset.UTC).toString();

        Document then = browser.get("/cycles/" + q.cycleId + "?asOf=" + day).html();

        assertThat(then.select(".banner.past").text()).contains("known at the end of");
        assertThat(keyResult(then, frt).select(".kr-value").text()).isEqualTo("10 units");
        assertThat(then.select("#live-board").attr("hx-get")).isEmpty();
        assertThat(keyResult(then, frt).select("a.kr-title").attr("href")).endsWith("?asOf=" + day);
    }

    @Test
    void theOpenBoardPollsAndGetsNoContentUntilTheBoardWouldLookDifferent() {
        Document board = browser.get("/cycles/" + q.cycleId).html();
        String poll = board.select("#live-board").attr("hx-get");
        assertThat(board.select("#live-board").attr("hx-trigger")).isEqualTo("every 3s");

        assertThat(browser.get(poll).status()).isEqualTo(204);
        q.at(Instant.now()).checkIn(frt, Instant.now(), 7, 6);
        PageClient.Page changed = browser.get(poll);

        assertThat(changed.status()).isEqualTo(200);
        assertThat(keyResult(changed.html(), frt).select(".kr-value").text()).isEqualTo("7 units");
        String next = changed.html().select("#live-board").attr("hx-get");
        assertThat(next).isNotEqualTo(poll);
        assertThat(browser.get(next).status()).isEqualTo(204);
    }

    @Test
    void theRetrospectiveWaitsForTheCloseThenShowsScoresAndCalibration() {
        assertThat(browser.get("/cycles/" + q.cycleId + "/retrospective")
                        .html()
                        .select(".empty")
                        .text())
                .contains("opens when the cycle is closed");
        q.at(Instant.now());
        q.grade(frt, 8.5, 0.44);
        q.closed();

        Document retro = browser.get("/cycles/" + q.cycleId + "/retrospective").html();

        assertThat(retro.select("#teams tbody th").eachText()).containsExactly("leadership", "growth", "support");
        assertThat(retro.select("#teams tbody tr").get(2).select("td").get(3).text())
                .matches("0\\.\\d\\d");
        JsonNode calibration =
                JSON.readTree(retro.select("canvas#calibration-chart").attr("data-calibration"));
        assertThat(calibration.get("teams")).hasSize(3);
        assertThat(calibration.get("teams").get(2).get("points")).hasSize(12);
        assertThat(retro.text()).contains("0.44 (graded)", "Hire a contractor");
    }

    @Test
    void unknownIdsAndUnreadableParametersArePagesNamingTheProblem() {
        PageClient.Page unknown = browser.get("/cycles/" + UUID.randomUUID());
        PageClient.Page notAnId = browser.get("/key-results/not-a-uuid");
        PageClient.Page badDay = browser.get("/cycles/" + q.cycleId + "?asOf=yesterday");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.html().select("h1").text()).isEqualTo("Not found");
        assertThat(notAnId.status()).isEqualTo(400);
        assertThat(notAnId.html().select("[role=alert]").text()).startsWith("id:");
        assertThat(badDay.status()).isEqualTo(400);
        assertThat(badDay.html().select("[role=alert]").text()).startsWith("asOf must be a day");
        assertThat(badDay.response().headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    }

    private static Set<UUID> behindPace(Document board) {
        Set<UUID> behind = new HashSet<>();
        for (Element row : board.select("tr.risk")) {
            if (row.select(".reason").eachText().contains("behind pace")) {
                behind.add(UUID.fromString(row.attr("data-key-result-id")));
            }
        }
        return behind;
    }

    private static Element keyResult(Document board, UUID id) {
        return board.select("li.kr[data-key-result-id=" + id + "]").first();
    }
}
