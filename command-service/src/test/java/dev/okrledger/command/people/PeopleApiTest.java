package dev.okrledger.command.people;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.okrledger.command.support.RunningCommandService;
import dev.okrledger.security.Role;
import dev.okrledger.security.TestTokens;
import dev.okrledger.security.TokenKeys;
import dev.okrledger.security.TokenMinter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The people directory over real HTTP, PostgreSQL and Kafka: each person's own record from the claims
 * of their token, admins' edits and handles, and every refusal as a problem that writes nothing.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=command-service")
class PeopleApiTest extends RunningCommandService {

    /** A token as an identity provider would issue it, with whatever claims the test names. */
    private static String bearer(String subject, Map<String, Object> claims) {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                .issuer(TokenMinter.ISSUER)
                .subject(subject)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(3600)));
        claims.forEach(set::claim);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
            jwt.sign(
                    new RSASSASigner(TokenKeys.loadOrCreate(TestTokens.keyDir()).privateKey()));
            return "Bearer " + jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signIn(String subject, String name, String email, String zone, List<String> teams) {
        return bearer(
                subject,
                Map.of("name", name, "email", email, "zoneinfo", zone, "teams", teams, "roles", List.of("MEMBER")));
    }

    private Answer putAs(String path, String body, String authorization, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = authorization;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return put(path, body, all);
    }

    private Answer syncMe(String token) {
        return putAs("/api/people/me", "", token);
    }

    /** A person signed in once; their subject. */
    private String registered() {
        String subject = "p-" + UUID.randomUUID();
        assertThat(syncMe(signIn(subject, "Pat", "pat@example.org", "Europe/Berlin", List.of("support")))
                        .status())
                .isEqualTo(201);
        return subject;
    }

    private static String person(String name, String email, String zone) {
        return """
                {"displayName":"%s","email":%s,"timeZone":%s,"teams":["support"],"leads":["support"]}""".formatted(
                        name, email == null ? "null" : "\"" + email + "\"", zone == null ? "null" : "\"" + zone + "\"");
    }

    @Test
    void signingInRegistersThePersonOnceAndAChangedClaimUpdatesIt() {
        String subject = "ana-" + UUID.randomUUID();
        String token = signIn(subject, "Ana Souza", "ana@example.org", "America/Sao_Paulo", List.of("support"));
        Answer first = syncMe(token);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().get("version").asLong()).isZero();
        assertThat(first.etag()).isEqualTo("\"0\"");

        long before = storedEvents();
        Answer again = syncMe(token);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("version").asLong()).isZero();
        assertThat(storedEvents()).isEqualTo(before);

        Answer moved = syncMe(signIn(subject, "Ana Souza", "ana@example.org", "Europe/Lisbon", List.of("support")));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.body().get("version").asLong()).isEqualTo(1);
        assertThat(storedEvents()).isEqualTo(before + 1);
        assertThat(jdbc.sql("select type from domainevententry where aggregateidentifier = ? order by sequencenumber")
                        .param("person:" + subject)
                        .query(String.class)
                        .list())
                .containsExactly("Person", "Person");
    }

    @Test
    void aZoneinfoClaimThatIsNoTimeZoneIs422NamingTheClaim() {
        Answer answer = syncMe(signIn("zed-" + UUID.randomUUID(), "Zed", "zed@example.org", "Mars/Olympus", List.of()));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().get("rule").asString()).isEqualTo("iana-time-zone");
        assertThat(answer.body().get("field").asString()).isEqualTo("zoneinfo");
    }

    @Test
    void aMeasurementSourceIsNoPerson() {
        Answer answer = syncMe(
                bearer("helpdesk-export", Map.of("teams", List.of("support"), "roles", List.of("MEASUREMENT_SOURCE"))));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body().get("rule").asString()).isEqualTo("people-directory-is-for-people");
    }

    @Test
    void anAdminSetsAPersonsDetailsAndVersionsGuardTheEdit() {
        String subject = registered();
        Answer edited = putAs(
                "/api/people/" + subject,
                person("Pat Lee", "pat.lee@example.org", "Asia/Tokyo"),
                ADMIN,
                "If-Match",
                "\"0\"");
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.body().get("version").asLong()).isEqualTo(2); // profile, then teams led

        Answer stale = putAs("/api/people/" + subject, person("Pat", null, null), ADMIN, "If-Match", "\"0\"");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("rule").asString()).isEqualTo("stale-version");
        assertThat(stale.body().get("currentVersion").asLong()).isEqualTo(2);
    }

    @Test
    void onlyAdminsEditPeople() {
        String subject = registered();
        for (Role role : List.of(Role.OKR_LEAD, Role.MEMBER)) {
            Answer answer = putAs(
                    "/api/people/" + subject,
                    person("Pat", null, null),
                    bearer("someone", Set.of("support"), Set.of(role)));
            assertThat(answer.status()).as("%s", role).isEqualTo(403);
            assertThat(answer.body().get("rule").asString()).isEqualTo("people-directory-needs-admin");
        }
        Answer own = putAs(
                "/api/people/" + subject,
                person("Pat", null, null),
                bearer(subject, Set.of("support"), Set.of(Role.MEMBER)));
        assertThat(own.status()).isEqualTo(403);
    }

    @Test
    void aBadTimeZoneOrEmailIs400NamingTheField() {
        String subject = registered();
        long before = storedEvents();
        Answer zone = putAs("/api/people/" + subject, person("Pat", null, "Europe/Atlantis"), ADMIN);
        assertThat(zone.status()).isEqualTo(400);
        assertThat(zone.body().get("rule").asString()).isEqualTo("invalid-field");
        assertThat(zone.body().get("field").asString()).isEqualTo("timeZone");
        Answer email = putAs("/api/people/" + subject, person("Pat", "pat at example.org", null), ADMIN);
        assertThat(email.status()).isEqualTo(400);
        assertThat(email.body().get("field").asString()).isEqualTo("email");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void anUnknownSubjectIs404() {
        Answer answer = putAs("/api/people/nobody-" + UUID.randomUUID(), person("No Body", null, null), ADMIN);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().get("rule").asString()).isEqualTo("unknown-person");
        Answer handles = putAs("/api/people/nobody-" + UUID.randomUUID() + "/handles", """
                {"handles":["x"]}""", ADMIN);
        assertThat(handles.status()).isEqualTo(404);
    }

    @Test
    void aHandleIsLinkedToOnePersonOnly() {
        String pat = registered();
        String kim = registered();
        String handle = "support-lead-" + UUID.randomUUID();
        Answer linked = putAs("/api/people/" + pat + "/handles", """
                {"handles":["%s"]}""".formatted(handle), ADMIN);
        assertThat(linked.status()).isEqualTo(200);
        assertThat(jdbc.sql("select subject from person_handle_directory where handle = ?")
                        .param(handle)
                        .query(String.class)
                        .single())
                .isEqualTo(pat);

        Answer taken = putAs("/api/people/" + kim + "/handles", """
                {"handles":["%s"]}""".formatted(handle), ADMIN);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body().get("rule").asString()).isEqualTo("handle-names-one-person");

        Answer anotherSubject = putAs("/api/people/" + kim + "/handles", """
                {"handles":["%s"]}""".formatted(pat), ADMIN);
        assertThat(anotherSubject.status()).isEqualTo(409);

        assertThat(putAs("/api/people/" + pat + "/handles", "{\"handles\":[]}", ADMIN)
                        .status())
                .isEqualTo(200);
        assertThat(putAs("/api/people/" + kim + "/handles", """
                {"handles":["%s"]}""".formatted(handle), ADMIN)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aHandleWithASlashIs400AndOnlyAdminsLinkHandles() {
        String subject = registered();
        Answer slash = putAs("/api/people/" + subject + "/handles", "{\"handles\":[\"support/lead\"]}", ADMIN);
        assertThat(slash.status()).isEqualTo(400);
        assertThat(slash.body().get("field").asString()).startsWith("handles");
        Answer lead = putAs(
                "/api/people/" + subject + "/handles",
                "{\"handles\":[\"support-lead\"]}",
                bearer("lee", Set.of(), Set.of(Role.OKR_LEAD)));
        assertThat(lead.status()).isEqualTo(403);
    }
}
