package dev.okrledger.dashboard;

import dev.okrledger.embedded.SharedTestInfrastructure;
import dev.okrledger.intake.EventIntake;
import dev.okrledger.security.TestTokens;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard with its pages signing people in both ways at once: the embedded default's dev
 * sign-in (minting with the test key the services trust) and an OIDC login against a real OIDC
 * server (mock-oauth2-server) started here. The pages read a real query service of this JVM
 * ({@link UpstreamQueryService}), fed with events by the tests; the notifier is a fake that records
 * what pages send. Subclasses share one context: each test uses its own ids.
 */
@SpringBootTest(
        classes = DashboardApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=dashboard")
abstract class PageTest {

    static final MockOAuth2Server OIDC = startOidc();
    static final FakeNotifier NOTIFIER = new FakeNotifier();
    static final UpstreamQueryService QUERY = UpstreamQueryService.start(OIDC);
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void pages(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> SharedTestInfrastructure.freshDatabase("dashboard_it"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", TestTokens::publicKeyLocation);
        registry.add("okr.dev-sign-in.enabled", () -> "true");
        registry.add("okr.dev-tokens.key-dir", () -> TestTokens.keyDir().toString());
        registry.add("okr.dashboard.query-url", QUERY::url);
        registry.add("okr.dashboard.notifier-url", NOTIFIER::url);
        registry.add("spring.security.oauth2.client.registration.okr.client-id", () -> "okr-dashboard");
        registry.add("spring.security.oauth2.client.registration.okr.client-secret", () -> "test-only-secret");
        registry.add("spring.security.oauth2.client.registration.okr.client-name", () -> "the test identity provider");
        registry.add("spring.security.oauth2.client.registration.okr.scope", () -> "openid,profile");
        registry.add(
                "spring.security.oauth2.client.provider.okr.issuer-uri",
                () -> OIDC.issuerUrl("okr").toString());
    }

    @LocalServerPort
    protected int port;
    /** Feeds the query service the pages read. */
    protected final EventIntake intake = QUERY.intake();

    @BeforeEach
    void freshNotifier() {
        NOTIFIER.forget();
        NOTIFIER.answer("GET", "/api/alerts", 200, "[]");
    }

    PageClient browser() {
        return new PageClient(port);
    }

    /** GET on the query service's own API, as an admin. */
    protected JsonNode ok(String path) {
        return QUERY.ok(path);
    }

    private static MockOAuth2Server startOidc() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start(0);
        return server;
    }
}
