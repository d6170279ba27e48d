package dev.okrledger.support.problem;

import dev.okrledger.support.testing.RawHttp;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of mistake the shared handling covers, over a real socket to a real Tomcat: the answer
 * is {@code application/problem+json} with the status, type and rule of the shared vocabulary.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = ProblemAnswersTest.App.class)
class ProblemAnswersTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void bodyThatIsNotJsonIsMalformedJson() {
        assertProblem(post("{\"name\": "), 400, "malformed-json", null);
    }

    @Test
    void fieldBreakingItsConstraintIsInvalidFieldListingEveryError() {
        JsonNode body = assertProblem(post("{\"name\":\"\",\"size\":11}"), 400, "invalid-field", null);
        assertThat(body.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "size");
        assertThat(body.get("field").asString()).isIn("name", "size");
    }

    @Test
    void fieldOfTheWrongTypeIsUnreadableFieldNamingIt() {
        assertProblem(post("{\"name\":\"a\",\"kind\":\"PURPLE\"}"), 400, "unreadable-field", "kind");
    }

    @Test
    void badPathVariableOrQueryParameterIsInvalidFieldNamingIt() {
        assertProblem(RawHttp.send(port, "GET", "/things/not-a-uuid", null), 400, "invalid-field", "id");
        assertProblem(RawHttp.send(port, "GET", "/things?kind=PURPLE", null), 400, "invalid-field", "kind");
        assertProblem(RawHttp.send(port, "GET", "/things", null), 400, "invalid-field", "kind");
    }

    @Test
    void unknownIdIsUnknownEntity() {
        assertProblem(RawHttp.send(port, "GET", "/things/" + UUID.randomUUID(), null), 404, "unknown-thing", null);
    }

    @Test
    void unknownPathWrongMethodWrongMediaTypes() {
        assertProblem(RawHttp.send(port, "GET", "/nothing-here", null), 404, "unknown-path", null);
        RawHttp.Answer wrongMethod = RawHttp.send(port, "DELETE", "/things", null);
        assertProblem(wrongMethod, 405, "method-not-allowed", null);
        assertThat(wrongMethod.headers().get("allow")).contains("POST");
        assertProblem(
                RawHttp.send(port, "POST", "/things", "name=a", "Content-Type", "text/plain"),
                415,
                "unsupported-media-type",
                null);
        assertProblem(
                RawHttp.send(port, "GET", "/things?kind=ROUND", null, "Accept", "application/xml"),
                406,
                "not-acceptable",
                null);
    }

    @Test
    void aBugIsABare500() {
        JsonNode body = assertProblem(RawHttp.send(port, "GET", "/boom", null), 500, "internal-error", null);
        assertThat(body.get("detail").asString()).doesNotContain("secret");
    }

    @Test
    void requestsTomcatCannotReadAreMalformedRequests() {
        assertProblem(RawHttp.send(port, "GET", "/things/%00", null), 400, "malformed-request", null);
        assertProblem(RawHttp.send(port, "GET", "/things/%zz", null), 400, "malformed-request", null);
        assertProblem(
                RawHttp.send(port, "GET", "/things", null, "X-Big", "x".repeat(20_000)),
                400,
                "malformed-request",
                null);
    }

    @Test
    void errorsSentByAFilterAreProblemsToo() {
        assertProblem(RawHttp.send(port, "GET", "/refused", null), 400, "malformed-request", null);
        assertProblem(RawHttp.send(port, "GET", "/filter-bug", null), 500, "internal-error", null);
        assertProblem(RawHttp.send(port, "GET", "/error", null), 404, "unknown-path", null);
    }

    private RawHttp.Answer post(String json) {
        return RawHttp.send(port, "POST", "/things", json, "Content-Type", "application/json");
    }

    private static JsonNode assertProblem(RawHttp.Answer answer, int status, String rule, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.body()).startsWith("application/problem+json");
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.get("type").asString()).isEqualTo("urn:okr-ledger:problem:" + rule);
        assertThat(body.get("rule").asString()).isEqualTo(rule);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        if (field != null) {
            assertThat(body.get("field").asString()).isEqualTo(field);
        }
        return body;
    }

    enum Kind {
        ROUND,
        SQUARE
    }

    record Thing(@NotBlank String name, @Max(10) int size, Kind kind) {}

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({ProblemConfiguration.class, Things.class})
    static class App {

        /** Stands for filters that refuse a request themselves (Spring Security's firewall) or fail. */
        @Bean
        OncePerRequestFilter refusingFilter() {
            return new OncePerRequestFilter() {
                @Override
                protected void doFilterInternal(
                        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                        throws ServletException, IOException {
                    if (request.getRequestURI().equals("/refused")) {
                        response.sendError(400, "Refused by a filter");
                    } else if (request.getRequestURI().equals("/filter-bug")) {
                        throw new IllegalStateException("secret internals");
                    } else {
                        chain.doFilter(request, response);
                    }
                }
            };
        }
    }

    @RestController
    static class Things {

        @PostMapping(path = "/things", consumes = "application/json")
        Thing create(@Valid @RequestBody Thing thing) {
            return thing;
        }

        @GetMapping("/things/{id}")
        Thing one(@PathVariable UUID id) {
            throw new NotFound("thing", id);
        }

        @GetMapping("/things")
        List<Thing> byKind(@RequestParam Kind kind) {
            return List.of(new Thing("a", 1, kind));
        }

        @GetMapping("/boom")
        Thing boom() {
            throw new IllegalStateException("secret internals");
        }
    }
}
