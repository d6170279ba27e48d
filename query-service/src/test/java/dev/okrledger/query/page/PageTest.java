package dev.okrledger.query.page;

import dev.okrledger.query.support.QueryServiceTest;
import dev.okrledger.security.TestTokens;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The query service with its pages signing people in both ways at once: the embedded default's dev
 * sign-in (minting with the test key the service trusts) and an OIDC login against a real OIDC
 * server (mock-oauth2-server) started here. The notifier is a fake that records what pages send.
 */
abstract class PageTest extends QueryServiceTest {

    static final MockOAuth2Server OIDC = startOidc();
    static final FakeNotifier NOTIFIER = new FakeNotifier();

    @DynamicPropertySource
    static void pages(DynamicPropertyRegistry registry) {
        registry.add("okr.dev-tokens.enabled", () -> "true");
        registry.add("okr.dev-tokens.key-dir", () -> TestTokens.keyDir().toString());
        registry.add("okr.dashboard.notifier-url", NOTIFIER::url);
        registry.add("spring.security.oauth2.client.registration.okr.client-id", () -> "okr-dashboard");
        registry.add("spring.security.oauth2.client.registration.okr.client-secret", () -> "test-only-secret");
        registry.add("spring.security.oauth2.client.registration.okr.client-name", () -> "the test identity provider");
        registry.add("spring.security.oauth2.client.registration.okr.scope", () -> "openid,profile");
        registry.add("spring.security.oauth2.client.provider.okr.issuer-uri", () -> OIDC.issuerUrl("okr").toString());
    }

    @BeforeEach
    void freshNotifier() {
        NOTIFIER.forget();
        NOTIFIER.answer("GET", "/api/alerts", 200, "[]");
    }

    PageClient browser() {
        return new PageClient(port);
    }

    private static MockOAuth2Server startOidc() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start(0);
        return server;
    }
}
