package dev.okrledger.command.access;

import dev.okrledger.command.support.RunningCommandService;
import dev.okrledger.security.OkrUser;
import dev.okrledger.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The permission matrix, over the real HTTP layer: who (role, team, ownership) may do which
 * operation. Reading is open to every signed-in person; changing is not.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=command-service")
class AccessControlTest extends RunningCommandService {

    private UUID cycle;
    private UUID objective;
    private UUID keyResult;

    @BeforeEach
    void supportTeamWithOneKeyResultOwnedByKim() {
        cycle = activeCycle();
        objective = create("/api/objectives", """
                {"cycleId":"%s","title":"Faster support","level":"TEAM","team":"support"}""".formatted(cycle));
        keyResult = create("/api/objectives/" + objective + "/key-results", """
                {"title":"First response","unit":"h","baseline":12,"target":4,"indicator":"LEADING","owner":"kim"}""");
    }

    /** who: none | ADMIN | OKR_LEAD | MEMBER:team | MEMBER:team:subject | MEASUREMENT_SOURCE:team */
    private static String[] as(String who) {
        if (who.equals("none")) {
            return new String[0];
        }
        String[] parts = who.split(":");
        Role role = Role.valueOf(parts[0]);
        Set<String> teams = parts.length > 1 ? Set.of(parts[1]) : Set.of();
        String subject = parts.length > 2 ? parts[2] : "someone";
        return new String[] {"Authorization", bearer(subject, teams, Set.of(role))};
    }

    private int status(String operation, String who) {
        String[] auth = as(who);
        Function<String[], String[]> withAuth = extra -> concat(extra, auth);
        return switch (operation) {
            case "plan-cycle" ->
                postAs(
                        "/api/cycles",
                        cycle(
                                java.time.LocalDate.now(),
                                java.time.LocalDate.now().plusDays(91)),
                        auth);
            case "activate-cycle" ->
                postAs(
                        "/api/cycles/"
                                + create(
                                        "/api/cycles",
                                        cycle(
                                                java.time.LocalDate.now(),
                                                java.time.LocalDate.now().plusDays(91)))
                                + "/activate",
                        "",
                        auth);
            case "define-objective" -> postAs("/api/objectives", """
                    {"cycleId":"%s","title":"More","level":"TEAM","team":"support"}""".formatted(cycle), auth);
            case "reword-objective" -> postAs("/api/objectives/" + objective + "/reword", """
                    {"title":"Faster and kinder support","reason":"feedback"}""", auth);
            case "define-key-result" -> postAs("/api/objectives/" + objective + "/key-results", """
                    {"title":"CSAT","unit":"pts","baseline":80,"target":90,"indicator":"LAGGING","owner":"kim"}""", auth);
            case "check-in" ->
                postAs("/api/key-results/" + keyResult + "/check-ins", """
                    {"checkInId":"%s","value":10,"confidence":7}""".formatted(UUID.randomUUID()), auth);
            case "measure" ->
                postAs(
                        "/api/key-results/" + keyResult + "/measurements",
                        """
                    {"measurementId":"%s","value":10,"observedAt":"%s","source":"helpdesk"}""".formatted(UUID.randomUUID(), Instant.now().minusSeconds(60)),
                        auth);
            case "add-initiative" -> postAs("/api/key-results/" + keyResult + "/initiatives", """
                    {"title":"Triage rules"}""", auth);
            case "change-target" -> postAs("/api/key-results/" + keyResult + "/change-target", """
                    {"target":5,"reason":"staffing"}""", auth);
            default -> throw new IllegalArgumentException(operation + withAuth);
        };
    }

    private int postAs(String path, String body, String[] auth) {
        String[] headers = auth.length == 0 ? new String[] {"Authorization", "none"} : auth;
        return post(path, body, headers).status();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @ParameterizedTest(name = "{0} by {1} -> {2}")
    @CsvSource({
        "plan-cycle,        none,                    401",
        "plan-cycle,        MEMBER:support,          403",
        "plan-cycle,        OKR_LEAD,                201",
        "plan-cycle,        ADMIN,                   201",
        "activate-cycle,    MEMBER:support,          403",
        "activate-cycle,    OKR_LEAD,                204",
        "define-objective,  none,                    401",
        "define-objective,  MEMBER:support,          201",
        "define-objective,  MEMBER:growth,           403",
        "define-objective,  OKR_LEAD,                201",
        "reword-objective,  MEMBER:support,          200",
        "reword-objective,  MEMBER:growth,           403",
        "define-key-result, MEMBER:support,          201",
        "define-key-result, MEMBER:growth,           403",
        "check-in,          none,                    401",
        "check-in,          MEMBER:support,          201",
        "check-in,          MEMBER:growth,           403",
        "check-in,          MEMBER:growth:kim,       201",
        "check-in,          OKR_LEAD,                201",
        "check-in,          ADMIN,                   201",
        "check-in,          MEASUREMENT_SOURCE:support, 403",
        "measure,           none,                    401",
        "measure,           MEASUREMENT_SOURCE:support, 201",
        "measure,           MEASUREMENT_SOURCE:growth, 403",
        "measure,           MEMBER:support,          201",
        "measure,           MEMBER:growth,           403",
        "measure,           MEMBER:growth:kim,       201",
        "measure,           OKR_LEAD,                201",
        "change-target,     MEASUREMENT_SOURCE:support, 403",
        "add-initiative,    MEMBER:support,          201",
        "add-initiative,    MEMBER:growth,           403",
        "add-initiative,    MEMBER:growth:kim,       201",
        "change-target,     MEMBER:growth,           403",
        "change-target,     MEMBER:support,          200"
    })
    void permissionMatrix(String operation, String who, int expected) {
        assertThat(status(operation.strip(), who.strip())).isEqualTo(expected);
    }

    @Test
    void forbiddenAndUnauthenticatedAnswersAreProblems() {
        Answer forbidden = post(
                "/api/cycles",
                cycle(java.time.LocalDate.now(), java.time.LocalDate.now().plusDays(9)),
                as("MEMBER:support"));
        assertThat(forbidden.body().get("rule").asString()).isEqualTo("cycle-lifecycle-needs-lead-or-admin");
        Answer anonymous = post("/api/cycles", "{}", "Authorization", "none");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body().get("rule").asString()).isEqualTo("authentication-required");
    }

    @Test
    void expiredTokenIs401() {
        String expired = "Bearer "
                + TOKENS.mint(
                        new OkrUser("ana", "Ana", Set.of("support"), Set.of(Role.ADMIN)),
                        Instant.now().minus(Duration.ofHours(2)),
                        Duration.ofHours(1));
        assertThat(post(
                                "/api/key-results/" + keyResult + "/check-ins",
                                """
                {"checkInId":"%s","value":10,"confidence":7}""".formatted(UUID.randomUUID()),
                                "Authorization",
                                expired)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void tokenSignedWithAnotherKeyIs401() throws Exception {
        var otherKeys =
                dev.okrledger.security.TokenKeys.loadOrCreate(java.nio.file.Files.createTempDirectory("other-keys"));
        String forged = "Bearer "
                + new dev.okrledger.security.TokenMinter(otherKeys)
                        .mint(
                                new OkrUser("mallory", "Mallory", Set.of("support"), Set.of(Role.ADMIN)),
                                Duration.ofHours(1));
        assertThat(post(
                                "/api/key-results/" + keyResult + "/check-ins",
                                """
                {"checkInId":"%s","value":10,"confidence":7}""".formatted(UUID.randomUUID()),
                                "Authorization",
                                forged)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void healthAndMetricsNeedNoTokenButOtherActuatorEndpointsAreNotExposed() {
        assertThat(get("/actuator/health").status()).isEqualTo(200);
        assertThat(get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(get("/actuator/env").status()).isIn(401, 404);
        assertThat(get("/actuator/beans").status()).isIn(401, 404);
    }

    @Test
    void oversizedRequestBodyIs413() {
        String note = "x".repeat(70_000);
        Answer answer = post("/api/key-results/" + keyResult + "/check-ins", """
                {"checkInId":"%s","value":10,"confidence":7,"note":"%s"}""".formatted(UUID.randomUUID(), note));
        assertThat(answer.status()).isEqualTo(413);
    }
}
