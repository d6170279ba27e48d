package dev.okrledger.dashboard;

import com.nimbusds.jwt.SignedJWT;
import dev.okrledger.security.TestTokens;
import dev.okrledger.security.TokenKeys;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in to the pages: the OIDC authorization-code login with PKCE against a real OIDC server,
 * the embedded default's dev sign-in, and the token the pages then use toward the notifier, which
 * never shows up in a URL.
 */
class SignInTest extends PageTest {

    @Test
    void pagesSendStrangersToTheSignInPageWhileTheApiAnswers401() {
        PageClient stranger = browser();

        PageClient.Page board = stranger.get("/cycles");
        assertThat(board.status()).isEqualTo(302);
        assertThat(URI.create(board.location()).getPath()).isEqualTo("/sign-in");
        PageClient.Page api = stranger.get("/api/cycles");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.response().headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        PageClient.Page signIn = stranger.get("/sign-in");
        assertThat(signIn.html().select("a[href='/oauth2/authorization/okr']").text())
                .isEqualTo("Sign in with the test identity provider");
        assertThat(signIn.html().select("form.sign-in input[name=subject]")).hasSize(1);
    }

    @Test
    void theIdentityProviderLoginUsesTheAuthorizationCodeWithPkceAndTheTokenStaysOnTheServer() throws Exception {
        OIDC.enqueueCallback(new DefaultOAuth2TokenCallback(
                "okr",
                "gus",
                "JWT",
                List.of("okr-dashboard"),
                Map.of("name", "Gus", "teams", List.of("growth"), "roles", List.of("MEMBER")),
                3600));
        PageClient browser = browser();

        PageClient.Page toProvider = browser.get("/oauth2/authorization/okr");
        assertThat(toProvider.status()).isEqualTo(302);
        URI authorize = URI.create(toProvider.location());
        assertThat(authorize.toString())
                .startsWith(OIDC.authorizationEndpointUrl("okr").toString());
        assertThat(authorize.getQuery())
                .contains("response_type=code", "client_id=okr-dashboard", "code_challenge_method=S256")
                .containsPattern("code_challenge=[A-Za-z0-9_-]{43}");
        // the provider signs Gus in and sends the browser back with a code; the service swaps the code
        // (with the PKCE verifier, which the provider checks) for tokens, server to server
        PageClient.Page back = browser.get(authorize.toString());
        assertThat(back.status()).isEqualTo(302);
        assertThat(back.location()).contains("/login/oauth2/code/okr?code=");
        PageClient.Page signedIn = browser.get(back.location());
        assertThat(signedIn.status()).isEqualTo(302);

        PageClient.Page cycles = browser.follow("/cycles");
        assertThat(cycles.status()).isEqualTo(200);
        assertThat(cycles.html().select(".who").text()).contains("Signed in as Gus", "growth", "MEMBER");

        browser.get("/alerts?team=growth");
        FakeNotifier.Request call = NOTIFIER.requests().get(NOTIFIER.requests().size() - 1);
        assertThat(call.path()).isEqualTo("/api/alerts");
        assertThat(call.query()).contains("team=growth");
        SignedJWT token = SignedJWT.parse(call.authorization().substring("Bearer ".length()));
        assertThat(token.getJWTClaimsSet().getIssuer())
                .isEqualTo(OIDC.issuerUrl("okr").toString());
        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("gus");
        for (String url : List.of(toProvider.location(), back.location(), signedIn.location())) {
            assertThat(url)
                    .doesNotContain(token.serialize())
                    .doesNotContain("access_token")
                    .doesNotContain("id_token");
        }
    }

    @Test
    void theDevSignInMintsATokenTheServicesTrustAndKeepsItOnTheServer() {
        PageClient browser = browser();

        PageClient.Page signedIn = browser.signIn("ana", "support, platform", "MEMBER");
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).doesNotContain("token");
        assertThat(signedIn.response().headers().allValues("Set-Cookie"))
                .allSatisfy(
                        cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly"));
        browser.get("/alerts");

        String bearer = NOTIFIER.requests().get(0).authorization();
        Jwt token = NimbusJwtDecoder.withPublicKey(
                        TokenKeys.loadOrCreate(TestTokens.keyDir()).publicKey())
                .build()
                .decode(bearer.substring("Bearer ".length()));
        assertThat(token.getSubject()).isEqualTo("ana");
        assertThat(token.getClaimAsStringList("teams")).containsExactlyInAnyOrder("support", "platform");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("MEMBER");
    }

    @Test
    void aBadSubjectIsRefusedOnTheSignInPageNamingTheField() {
        PageClient browser = browser();
        browser.get("/sign-in");

        PageClient.Page refused =
                browser.post("/sign-in", Map.of("subject", "ana smith", "teams", "", "role", "MEMBER"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html().select("[role=alert]").text()).startsWith("subject:");
        assertThat(browser.get("/cycles").status()).isEqualTo(302);
    }
}
