package dev.okrledger.dashboard;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acknowledge and resolve from the inbox: POSTs with a CSRF token, passed to the notifier with the
 * signed-in person's token; the notifier's refusal is shown to the person in its own words.
 */
class AlertActionsTest extends PageTest {

    private static final UUID ALERT = UUID.fromString("0b8a3c1e-4a4e-4c2e-9d51-5b0c3f7f2a10");

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndNeverReachesTheNotifier() {
        PageClient browser = browser();
        browser.signIn("gus", "growth", "MEMBER");
        NOTIFIER.forget();

        PageClient.Page forged = browser.postRaw("/alerts/" + ALERT + "/acknowledge", Map.of("back", "status=open"));
        PageClient.Page wrongToken = browser.postRaw("/alerts/" + ALERT + "/resolve", Map.of("_csrf", "forged"));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(wrongToken.status()).isEqualTo(403);
        assertThat(NOTIFIER.requests()).isEmpty();
    }

    @Test
    void signingInNeedsTheCsrfTokenToo() {
        PageClient browser = browser();
        browser.get("/sign-in");

        PageClient.Page forged =
                browser.postRaw("/sign-in", Map.of("subject", "mallory", "teams", "growth", "role", "ADMIN"));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(browser.get("/cycles").status()).isEqualTo(302);
    }

    @Test
    void acknowledgingGoesToTheNotifierAsTheSignedInPersonAndSaysSo() {
        NOTIFIER.answer("POST", "/api/alerts/" + ALERT + "/acknowledge", 200, alert("ACKNOWLEDGED"));
        PageClient browser = browser();
        browser.signIn("gus", "growth", "MEMBER");
        browser.get("/alerts?team=growth&status=open");

        PageClient.Page done = browser.post(
                "/alerts/" + ALERT + "/acknowledge", Map.of("back", "team=growth&status=open&next=//evil.example"));

        assertThat(done.status()).isEqualTo(302);
        assertThat(done.location()).endsWith("/alerts?team=growth&status=open");
        FakeNotifier.Request sent = NOTIFIER.requests().stream()
                .filter(r -> r.method().equals("POST"))
                .findFirst()
                .orElseThrow();
        assertThat(sent.path()).isEqualTo("/api/alerts/" + ALERT + "/acknowledge");
        assertThat(sent.authorization()).startsWith("Bearer ey");
        assertThat(browser.get(done.location())
                        .html()
                        .select("[role=status].notice")
                        .text())
                .isEqualTo("Acknowledged: behind pace on team growth.");
    }

    @Test
    void aRefusalOfTheNotifierIsShownInItsOwnWords() {
        NOTIFIER.answer("POST", "/api/alerts/" + ALERT + "/resolve", 403, """
                {"type":"urn:okr-ledger:problem:alert-belongs-to-its-team","status":403,"rule":"alert-belongs-to-its-team",
                 "detail":"Only members of team 'growth' (or OKR leads) acknowledge or resolve this alert"}""");
        PageClient browser = browser();
        browser.signIn("ana", "support", "MEMBER");
        browser.get("/alerts");

        PageClient.Page refused = browser.post("/alerts/" + ALERT + "/resolve", Map.of("back", ""));

        assertThat(refused.status()).isEqualTo(302);
        assertThat(browser.get(refused.location())
                        .html()
                        .select("[role=alert].notice")
                        .text())
                .isEqualTo(
                        "Not resolved: Only members of team 'growth' (or OKR leads) acknowledge or resolve this alert");
    }

    @Test
    void theInboxFiltersByKindOnTopOfTheNotifiersFilters() {
        NOTIFIER.answer(
                "GET",
                "/api/alerts",
                200,
                "[" + alert("OPEN") + ","
                        + alert("OPEN")
                                .replace("BEHIND_PACE", "CONFIDENCE_DROP")
                                .replace(ALERT.toString(), UUID.randomUUID().toString())
                        + "]");
        PageClient browser = browser();
        browser.signIn("gus", "growth", "MEMBER");

        PageClient.Page inbox = browser.get("/alerts?team=growth&severity=AMBER&kind=CONFIDENCE_DROP&status=all");

        assertThat(inbox.html().select("tr.alert").eachAttr("data-kind")).containsExactly("CONFIDENCE_DROP");
        FakeNotifier.Request asked = NOTIFIER.requests().get(NOTIFIER.requests().size() - 1);
        assertThat(asked.query()).contains("team=growth", "severity=AMBER").doesNotContain("status");
    }

    private static String alert(String status) {
        return """
                {"id":"%s","keyResultId":"%s","objectiveId":"%s","cycleId":"%s","team":"growth","kind":"BEHIND_PACE",
                 "severity":"AMBER","raisedAt":"2026-11-01T12:00:00Z","detail":"Progress 0.07 is below expected",
                 "status":"%s"}""".formatted(ALERT, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), status);
    }
}
