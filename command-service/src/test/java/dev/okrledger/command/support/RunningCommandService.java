package dev.okrledger.command.support;

import dev.okrledger.embedded.SharedTestInfrastructure;
import dev.okrledger.security.Role;
import dev.okrledger.security.TestTokens;
import dev.okrledger.security.TokenMinter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of tests that drive a real command service over HTTP, on a fresh database of the shared
 * embedded PostgreSQL and the shared Kafka broker. Subclasses add {@code @SpringBootTest}.
 */
public abstract class RunningCommandService {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final TokenMinter TOKENS = TestTokens.minter();
    /** Used when a test names no Authorization header: an admin called test-user. */
    protected static final String ADMIN = TestTokens.admin();

    protected static String bearer(String subject, Set<String> teams, Set<Role> roles) {
        return TestTokens.bearer(subject, teams, roles);
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", TestTokens::publicKeyLocation);
        registry.add("spring.datasource.url", () -> SharedTestInfrastructure.freshDatabase("cmd"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add(
                "spring.kafka.bootstrap-servers",
                () -> SharedTestInfrastructure.kafka().bootstrapServers());
        String events = SharedTestInfrastructure.uniqueTopicName("okr.events");
        registry.add("okr.kafka.events-topic", () -> events);
        // named once: the supplier is asked again at every lookup, and the listener, the topic bean
        // and a test producing to it must agree
        String measurements = SharedTestInfrastructure.uniqueTopicName("okr.measurements");
        registry.add("okr.kafka.measurements-topic", () -> measurements);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    public record Answer(int status, JsonNode body, String etag) {}

    protected Answer post(String path, String body, String... headers) {
        return postTo(port, path, body, headers);
    }

    /** POST to a command service on another port (a second instance). */
    protected Answer postTo(int targetPort, String path, String body, String... headers) {
        return send(targetPort, "POST", path, body, headers);
    }

    protected Answer put(String path, String body, String... headers) {
        return send(port, "PUT", path, body, headers);
    }

    /** A JSON body sent as the admin unless {@code headers} name another {@code Authorization}. */
    private Answer send(int targetPort, String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + targetPort + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (!List.of(headers).contains("Authorization")) {
            request.header("Authorization", ADMIN);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                assertThat(response.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            }
            return new Answer(
                    response.statusCode(),
                    response.body().isBlank() ? null : JSON.readTree(response.body()),
                    response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected Answer get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Authorization", ADMIN)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean json =
                    response.headers().firstValue("Content-Type").orElse("").contains("json");
            return new Answer(
                    response.statusCode(),
                    json && !response.body().isBlank() ? JSON.readTree(response.body()) : null,
                    response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected UUID create(String path, String body) {
        Answer answer = post(path, body);
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(201);
        return UUID.fromString(answer.body().get("id").asString());
    }

    protected static String cycle(LocalDate startsOn, LocalDate endsOn) {
        return """
                {"name":"Q","startsOn":"%s","endsOn":"%s","cadence":"WEEKLY"}""".formatted(startsOn, endsOn);
    }

    protected UUID activeCycle() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        UUID cycle = create("/api/cycles", cycle(today.minusDays(7), today.plusDays(84)));
        assertThat(post("/api/cycles/" + cycle + "/activate", "").status()).isEqualTo(204);
        return cycle;
    }

    protected UUID objectiveIn(UUID cycle) {
        return create("/api/objectives", """
                {"cycleId":"%s","title":"O","level":"TEAM","team":"t"}""".formatted(cycle));
    }

    protected UUID metricKeyResultIn(UUID objective) {
        return create("/api/objectives/" + objective + "/key-results", """
                {"title":"KR","unit":"%","baseline":55,"target":75,"indicator":"LAGGING","owner":"o"}""");
    }

    protected UUID activeKeyResult() {
        return metricKeyResultIn(objectiveIn(activeCycle()));
    }

    protected Answer checkIn(UUID keyResult, UUID checkInId, int value, int confidence, String... headers) {
        return post(
                "/api/key-results/" + keyResult + "/check-ins", """
                {"checkInId":"%s","value":%d,"confidence":%d}""".formatted(checkInId, value, confidence), headers);
    }

    protected long storedEvents() {
        return jdbc.sql("select count(*) from domainevententry")
                .query(Long.class)
                .single();
    }
}
