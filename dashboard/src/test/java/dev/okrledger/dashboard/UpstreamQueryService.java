package dev.okrledger.dashboard;

import dev.okrledger.embedded.SharedTestInfrastructure;
import dev.okrledger.intake.EventIntake;
import dev.okrledger.query.QueryServiceApplication;
import dev.okrledger.security.TestTokens;
import dev.okrledger.security.TokenKeys;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A real query service in this test JVM, on a fresh database, fed by calling its {@link EventIntake}
 * directly (as query-service's own tests do), for the pages to read through its API. It trusts the
 * test key the dev sign-in mints with and the test OIDC server's tokens, as a deployment trusts one
 * issuer: the pages' calls carry either.
 */
final class UpstreamQueryService {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static MockOAuth2Server oidc;

    private final ConfigurableApplicationContext context;

    private UpstreamQueryService(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static UpstreamQueryService start(MockOAuth2Server trustedOidc) {
        oidc = trustedOidc;
        return new UpstreamQueryService(QueryServiceApplication.builder()
                .sources(BothIssuers.class)
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--spring.datasource.url=" + SharedTestInfrastructure.freshDatabase("query_pages"),
                        "--spring.datasource.username=postgres",
                        "--spring.kafka.bootstrap-servers="
                                + SharedTestInfrastructure.kafka().bootstrapServers(),
                        "--okr.kafka.events-topic=" + SharedTestInfrastructure.uniqueTopicName("okr.events")));
    }

    String url() {
        return "http://localhost:"
                + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    EventIntake intake() {
        return context.getBean(EventIntake.class);
    }

    /** GET on the query service's API as an admin; anything but 200 fails the test. */
    JsonNode ok(String path) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url() + path))
                            .header("Authorization", TestTokens.admin())
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The test key's tokens (dev sign-in), else the test OIDC server's. */
    @Configuration(proxyBeanMethods = false)
    static class BothIssuers {

        @Bean
        JwtDecoder bothIssuers() {
            JwtDecoder devKey = NimbusJwtDecoder.withPublicKey(
                            TokenKeys.loadOrCreate(TestTokens.keyDir()).publicKey())
                    .build();
            JwtDecoder provider = NimbusJwtDecoder.withJwkSetUri(
                            oidc.jwksUrl("okr").toString())
                    .build();
            return token -> {
                try {
                    return devKey.decode(token);
                } catch (JwtException notOurs) {
                    return provider.decode(token);
                }
            };
        }
    }
}
