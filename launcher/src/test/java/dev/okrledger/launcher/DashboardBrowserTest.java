package dev.okrledger.launcher;

import dev.okrledger.contract.event.EventCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.okrledger.launcher.Service.COMMAND;
import static dev.okrledger.launcher.Service.DASHBOARD;
import static dev.okrledger.launcher.Service.NOTIFIER;
import static dev.okrledger.launcher.Service.QUERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard in a real (headless) browser against the embedded system loaded with the sample
 * quarter, as a person would use it after {@code --demo}: the dashboard service, reading the query
 * service and the notifier through their APIs. Each test leaves a screenshot in
 * target/screenshots. Skipped where Chromium and chromedriver are not installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    private static EmbeddedSystem system;
    private static DemoLoader.Loaded loaded;
    private static JsonNode sample;
    private Browser browser;
    private String screenshot;

    @BeforeAll
    static void loadTheSampleQuarter() throws Exception {
        if (!Browser.installed()) {
            return; // each test is skipped with the how-to (surefire counts and shows skipped tests)
        }
        system = TestSystem.start();
        DemoLoader loader = new DemoLoader(system.baseUrl(COMMAND));
        loaded = loader.load();
        sample = readSample();
        String query = system.baseUrl(QUERY);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            int checkIns = 0;
            for (UUID kr : loaded.keyResultsByRef().values()) {
                checkIns += Http.get(query + "/api/key-results/" + kr + "/confidence-history")
                        .body()
                        .size();
            }
            assertThat(checkIns).isEqualTo(loaded.checkIns());
        });
        loader.settleAndScan(system.baseUrl(NOTIFIER));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @BeforeEach
    void openABrowser(TestInfo test) {
        Browser.assumeInstalled();
        browser = new Browser(system.baseUrl(DASHBOARD));
        screenshot = test.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void screenshotAndClose() {
        if (browser == null) {
            return;
        }
        try {
            browser.screenshot(screenshot);
        } finally {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void theWeek8BoardListsExactlyTheBehindPaceKeyResultsOfTheSample() {
        Set<String> expected = new HashSet<>();
        sample.get("expectedBehindPaceAfterWeek8").get("keyResults").forEach(k -> expected.add(k.asString()));
        browser.signIn("lee", "leadership", "OKR_LEAD");

        browser.open("/cycles/" + loaded.cycleId() + "/replay?week=8");
        assertThat(browser.find(".banner.past").getText()).startsWith("This shows the past.");
        assertThat(behindPace()).containsExactlyInAnyOrderElementsOf(expected);

        // today is day 56 of the cycle: the present board agrees
        browser.open("/");
        assertThat(browser.url()).endsWith("/cycles/" + loaded.cycleId());
        assertThat(behindPace()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(browser.find(".count.behind .n").getText()).isEqualTo(String.valueOf(expected.size()));
        browser.screenshot("board");
    }

    @Test
    @Order(2)
    void aKeyResultChartHasOnePointPerCheckIn() {
        browser.signIn("ana", "support", "MEMBER");
        for (String ref : List.of("frt", "resolved48")) {
            int checkIns = keyResult(ref).get("checkIns").size();

            browser.open("/key-results/" + loaded.keyResultsByRef().get(ref));

            long points = (Long)
                    browser.waitUntil(
                            d -> browser.script(
                                    "const c = window.Chart && Chart.getChart('kr-chart'); return c ? c.data.datasets[0].data.length : null"));
            long confidences = (Long) browser.script("return Chart.getChart('kr-chart').data.datasets[2].data.length");
            assertThat(points).as(ref).isEqualTo(checkIns);
            assertThat(confidences).as(ref).isEqualTo(checkIns);
            assertThat(browser.all("#check-ins tbody tr")).hasSize(checkIns);
        }
    }

    @Test
    @Order(3)
    void steppingBackToWeek4ShowsWeek4Values() {
        browser.signIn("lee", "leadership", "OKR_LEAD");
        browser.open("/cycles/" + loaded.cycleId() + "/replay");
        assertThat(browser.find("#week-select option:checked").getText()).isEqualTo("8");

        for (int week = 7; week >= 4; week--) {
            browser.find("#previous-week").click();
            int shown = week;
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("week=" + shown));
        }

        assertThat(browser.find(".banner.past").getText())
                .startsWith("This shows the past.")
                .contains("week 4");
        for (Map.Entry<String, UUID> kr : loaded.keyResultsByRef().entrySet()) {
            WebElement row = browser.find("li.kr[data-key-result-id='" + kr.getValue() + "']");
            assertThat(row.findElement(org.openqa.selenium.By.cssSelector(".kr-value"))
                            .getText())
                    .as(kr.getKey())
                    .isEqualTo(valueAtWeek(kr.getKey(), 4));
        }
    }

    @Test
    @Order(4)
    void acknowledgingAnAlertAsItsTeamChangesItsStatusAndAnotherTeamIsRefused() {
        UUID activation = loaded.keyResultsByRef().get("activation");
        browser.signIn("gus", "growth", "MEMBER");
        browser.open("/alerts?team=growth&kind=CONFIDENCE_DROP&status=open");
        WebElement alert = browser.find("tr.alert");
        String alertId = alert.getAttribute("data-alert-id");
        assertThat(alert.getText()).contains("Increase activation");
        assertThat(alert.findElement(org.openqa.selenium.By.cssSelector(".alert-status"))
                        .getText())
                .isEqualTo("OPEN");

        alert.findElement(org.openqa.selenium.By.cssSelector("button.acknowledge"))
                .click();

        browser.waitUntil(d -> browser.all(".notice[role=status]").size() == 1);
        assertThat(browser.find(".notice[role=status]").getText()).startsWith("Acknowledged");
        assertThat(browser.find("#alert-" + alertId + " .alert-status").getText())
                .isEqualTo("ACKNOWLEDGED");
        assertThat(Http.get(system.baseUrl(NOTIFIER) + "/api/alerts/" + alertId)
                        .body()
                        .get("acknowledgedBy")
                        .asString())
                .isEqualTo("gus");
        browser.screenshot("alert-acknowledged");

        browser.signOut();
        browser.signIn("ana", "support", "MEMBER");
        browser.open("/alerts?team=growth&keyResultId=" + activation);
        browser.find("#alert-" + alertId + " button.resolve").click();

        browser.waitUntil(d -> browser.all(".notice[role=alert]").size() == 1);
        assertThat(browser.find(".notice[role=alert]").getText())
                .isEqualTo(
                        "Not resolved: Only members of team 'growth' (or OKR leads) acknowledge or resolve this alert");
        assertThat(browser.find("#alert-" + alertId + " .alert-status").getText())
                .isEqualTo("ACKNOWLEDGED");
    }

    @Test
    @Order(5)
    void aCheckInPostedThroughTheApiAppearsOnTheOpenBoardWithoutAReload() {
        UUID frt = loaded.keyResultsByRef().get("frt");
        browser.signIn("ana", "support", "MEMBER");
        browser.open("/cycles/" + loaded.cycleId());
        String valueOfFrt = "li.kr[data-key-result-id='" + frt + "'] .kr-value";
        assertThat(browser.find(valueOfFrt).getText()).isEqualTo("8.5 hours");
        browser.script("window.stillTheSamePage = true");

        Http.Response posted = Http.post(
                system.baseUrl(COMMAND) + "/api/key-results/" + frt + "/check-ins",
                "{\"checkInId\":\"" + UUID.randomUUID() + "\",\"value\":6,\"confidence\":6,"
                        + "\"note\":\"Contractor started\",\"decision\":\"Keep the contractor to the end\"}");
        assertThat(posted.status()).isEqualTo(201);

        browser.waitUntil(d -> browser.find(valueOfFrt).getText().equals("6 hours"));
        assertThat(browser.script("return window.stillTheSamePage === true")).isEqualTo(true);
        assertThat(browser.find("li.kr[data-key-result-id='" + frt + "'] .band").getText())
                .isEqualTo("AMBER");
    }

    @Test
    @Order(6)
    void measuredValuesAreMarkedOnTheKeyResultPageAndCarryNoConfidence() {
        UUID resolved48 = loaded.keyResultsByRef().get("resolved48");
        int checkIns = keyResult("resolved48").get("checkIns").size();
        for (var measurement : Map.of(14, 63, 4, 66).entrySet()) {
            Http.Response posted = Http.post(
                    system.baseUrl(COMMAND) + "/api/key-results/" + resolved48 + "/measurements",
                    "{\"measurementId\":\"" + UUID.randomUUID() + "\",\"value\":" + measurement.getValue()
                            + ",\"observedAt\":\"" + Instant.now().minus(Duration.ofDays(measurement.getKey()))
                            + "\",\"source\":\"helpdesk-export\"}");
            assertThat(posted.status()).as("%s", posted.body()).isEqualTo(201);
        }
        browser.signIn("ana", "support", "MEMBER");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            browser.open("/key-results/" + resolved48);
            assertThat(browser.all("#check-ins tbody tr.measured")).hasSize(2);
        });

        long points = (Long)
                browser.waitUntil(
                        d -> browser.script(
                                "const c = window.Chart && Chart.getChart('kr-chart'); return c ? c.data.datasets[0].data.length : null"));
        assertThat(points).isEqualTo(checkIns + 2);
        assertThat(browser.script("return Chart.getChart('kr-chart').data.datasets[2].data.length"))
                .isEqualTo((long) checkIns);
        assertThat(browser.script("return Chart.getChart('kr-chart').data.datasets[5].data.length"))
                .isEqualTo(2L);
        WebElement measured = browser.all("#check-ins tbody tr.measured").get(1);
        assertThat(measured.getText()).contains("measured by helpdesk-export", "66 %", "no confidence");
        assertThat(browser.find(".kr-value").getText()).isEqualTo("66 % (measured)");
    }

    @Test
    @Order(7)
    void aPersonSignedInOnOneInstanceStaysSignedInOnAnother() {
        try (EmbeddedSystem.Instance second = system.startAnother(DASHBOARD)) {
            browser.signIn("lee", "leadership", "OKR_LEAD");

            // the next request goes to the other instance (same host, another port: the cookie goes along)
            browser.open(second.baseUrl() + "/cycles/" + loaded.cycleId());

            assertThat(browser.url()).startsWith(second.baseUrl()).endsWith("/cycles/" + loaded.cycleId());
            assertThat(browser.find(".who").getText()).contains("Signed in as lee", "OKR_LEAD");
            assertThat(browser.all("tr.risk")).isNotEmpty();
            browser.screenshot("board-on-a-second-instance");

            // signing out there (a POST with that page's CSRF token) signs out everywhere
            browser.signOut();
            browser.open("/cycles/" + loaded.cycleId());
            assertThat(browser.url()).contains("/sign-in");
        }
    }

    /** Key results on the page's at-risk list with the reason "behind pace", by their sample ref. */
    private List<String> behindPace() {
        List<String> refs = new ArrayList<>();
        for (WebElement row : browser.all("tr.risk")) {
            boolean behind = row.findElements(org.openqa.selenium.By.cssSelector(".reason")).stream()
                    .anyMatch(r -> r.getText().equals("behind pace"));
            if (behind) {
                refs.add(ref(UUID.fromString(row.getAttribute("data-key-result-id"))));
            }
        }
        return refs;
    }

    private static String ref(UUID keyResultId) {
        return loaded.keyResultsByRef().entrySet().stream()
                .filter(e -> e.getValue().equals(keyResultId))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(keyResultId.toString());
    }

    private static JsonNode keyResult(String ref) {
        for (JsonNode objective : sample.get("objectives")) {
            for (JsonNode kr : objective.get("keyResults")) {
                if (kr.get("ref").asString().equals(ref)) {
                    return kr;
                }
            }
        }
        throw new AssertionError("no key result " + ref + " in the sample");
    }

    /** The value of the sample's last check-in up to that week, as the board writes it. */
    private static String valueAtWeek(String ref, int week) {
        JsonNode kr = keyResult(ref);
        JsonNode last = null;
        for (JsonNode checkIn : kr.get("checkIns")) {
            if (checkIn.get("week").asInt() <= week) {
                last = checkIn;
            }
        }
        return last.get("value").decimalValue().stripTrailingZeros().toPlainString() + " "
                + kr.get("unit").asString();
    }

    private static JsonNode readSample() {
        try (InputStream in = DashboardBrowserTest.class.getResourceAsStream("/demo/sample-quarter.json")) {
            return EventCodec.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
