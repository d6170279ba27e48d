package dev.okrledger.query.people;

import dev.okrledger.query.support.People;
import dev.okrledger.query.support.QueryServiceTest;
import dev.okrledger.security.Role;
import dev.okrledger.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The people directory fed with the people events, read over the API: who is who, by team, by
 * subject, by handle and oneself, and who may read an e-mail address.
 */
class PeopleDirectoryTest extends QueryServiceTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private String ana;
    private String gus;
    private String team;

    @BeforeEach
    void anaInSupportAndGusInGrowth() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ana = "ana-" + run;
        gus = "gus-" + run;
        team = "Support-" + run;
        new People(intake)
                .registered(ana, "Ana", "ana@example.org", "America/Sao_Paulo", List.of(team))
                .profile(ana, "Ana Souza", "ana.souza@example.org", "Europe/Lisbon")
                .teams(ana, List.of(team, "growth-" + run), List.of(team))
                .handles(ana, "support-lead-" + run)
                .registered(gus, "Gus", "gus@example.org", null, List.of("growth-" + run));
    }

    private Answer getAs(String path, String authorization) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Authorization", authorization)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body().isBlank() ? null : JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void aPersonIsWhatTheirEventsSayNow() {
        JsonNode person = ok("/api/people/" + ana);
        assertThat(person.get("displayName").asString()).isEqualTo("Ana Souza");
        assertThat(person.get("email").asString()).isEqualTo("ana.souza@example.org");
        assertThat(person.get("timeZone").asString()).isEqualTo("Europe/Lisbon");
        assertThat(texts(person.get("teams"))).containsExactlyInAnyOrder(team, "growth-" + ana.substring(4));
        assertThat(texts(person.get("leads"))).containsExactly(team);
        assertThat(texts(person.get("handles"))).containsExactly("support-lead-" + ana.substring(4));
        assertThat(person.get("version").asLong()).isEqualTo(3);
        assertThat(person.get("registeredAt").asString())
                .isLessThan(person.get("updatedAt").asString());
    }

    @Test
    void aTeamListsItsMembersAndLeadsByName() {
        assertThat(ok("/api/people?team=" + team.toLowerCase())
                        .valueStream()
                        .map(p -> p.get("subject").asString()))
                .containsExactly(ana);
        assertThat(ok("/api/people?team=growth-" + ana.substring(4))
                        .valueStream()
                        .map(p -> p.get("subject").asString()))
                .containsExactly(ana, gus);
        assertThat(ok("/api/people").valueStream().map(p -> p.get("subject").asString()))
                .contains(ana, gus);
    }

    @Test
    void aHandleNamesItsLinkedPersonAndASubjectItsOwnPerson() {
        assertThat(ok("/api/people/by-handle/support-lead-" + ana.substring(4))
                        .get("subject")
                        .asString())
                .isEqualTo(ana);
        assertThat(ok("/api/people/by-handle/" + gus).get("subject").asString()).isEqualTo(gus);
        Answer unknown = get("/api/people/by-handle/nobody-" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("rule").asString()).isEqualTo("unknown-person");
    }

    @Test
    void meIsTheSignedInPersonOnceTheySignedIn() {
        Answer me = getAs("/api/people/me", TestTokens.bearer(gus, Set.of(), Set.of(Role.MEMBER)));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("email").asString()).isEqualTo("gus@example.org");
        assertThat(me.body().get("timeZone").isNull()).isTrue();
        Answer stranger = getAs(
                "/api/people/me", TestTokens.bearer("stranger-" + UUID.randomUUID(), Set.of(), Set.of(Role.MEMBER)));
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.body().get("rule").asString()).isEqualTo("unknown-person");
        assertThat(get("/api/people/nobody-" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void anEmailIsForThePersonLeadsAdminsAndTheirTeams() {
        String path = "/api/people/" + gus;
        assertThat(email(path, TestTokens.bearer(gus, Set.of(), Set.of(Role.MEMBER))))
                .isEqualTo("gus@example.org");
        assertThat(email(path, TestTokens.bearer("lee", Set.of(), Set.of(Role.OKR_LEAD))))
                .isEqualTo("gus@example.org");
        assertThat(email(path, TestTokens.admin())).isEqualTo("gus@example.org");
        assertThat(email(path, TestTokens.bearer(ana, Set.of("growth-" + ana.substring(4)), Set.of(Role.MEMBER))))
                .isEqualTo("gus@example.org");
        assertThat(email(path, TestTokens.bearer("sam", Set.of(team), Set.of(Role.MEMBER))))
                .isNull();
        assertThat(email(
                        path,
                        TestTokens.bearer(
                                "feed", Set.of("growth-" + ana.substring(4)), Set.of(Role.MEASUREMENT_SOURCE))))
                .isNull();
        // the rest stays readable, in every answer
        Answer list = getAs(
                "/api/people?team=growth-" + ana.substring(4),
                TestTokens.bearer("sam", Set.of(team), Set.of(Role.MEMBER)));
        assertThat(list.body().valueStream().map(p -> p.get("email").isNull())).containsExactly(false, true);
        assertThat(list.body().get(1).get("displayName").asString()).isEqualTo("Gus");
    }

    private String email(String path, String authorization) {
        Answer answer = getAs(path, authorization);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode email = answer.body().get("email");
        return email.isNull() ? null : email.asString();
    }
}
