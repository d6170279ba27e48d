package dev.okrledger.launcher;

import dev.okrledger.contract.event.EventCodec;
import dev.okrledger.support.testing.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.okrledger.launcher.Service.COMMAND;
import static dev.okrledger.launcher.Service.NOTIFIER;
import static dev.okrledger.launcher.Service.QUERY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same mistake gets the same answer from every service: an {@code application/problem+json}
 * body with the same status and rule (docs/architecture.md, "Problems"). Sent over plain sockets to
 * the running system, because some of these requests no HTTP client library would send.
 */
class ProblemsAcrossServicesTest {

    private static EmbeddedSystem system;

    @BeforeAll
    static void start() {
        system = TestSystem.start();
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    /** One request; {@code field} is the request element the answer must name, or null. */
    record Request(String method, String target, String body, String field, boolean signedIn, String... headers) {

        static Request get(String target) {
            return new Request("GET", target, null, null, true);
        }

        static Request json(String method, String target, String body) {
            return new Request(method, target, body, null, true, "Content-Type", "application/json");
        }

        Request naming(String requestField) {
            return new Request(method, target, body, requestField, signedIn, headers);
        }

        Request withHeader(String name, String value) {
            List<String> all = new ArrayList<>(List.of(headers));
            all.addAll(List.of(name, value));
            return new Request(method, target, body, field, signedIn, all.toArray(String[]::new));
        }

        Request anonymous() {
            return new Request(method, target, body, field, false, headers);
        }
    }

    /** A mistake, the answer every service must give, and how to make it at each service that can meet it. */
    record Mistake(String name, int status, String rule, Map<Service, Request> requests) {

        @Override
        public String toString() {
            return name + " -> " + status + " " + rule + " at " + requests.keySet();
        }
    }

    static List<Mistake> mistakes() {
        String tooLarge = "{\"note\":\"" + "x".repeat(70_000) + "\"}";
        UUID someCycle = UUID.randomUUID();
        return List.of(
                // the query service reads no request bodies: the body mistakes are the other two's
                new Mistake(
                        "malformed JSON",
                        400,
                        "malformed-json",
                        Map.of(
                                COMMAND, Request.json("POST", "/api/cycles", "{\"name\": "),
                                NOTIFIER, Request.json("POST", "/api/webhooks", "{\"url\": "))),
                new Mistake(
                        "invalid field",
                        400,
                        "invalid-field",
                        Map.of(
                                COMMAND,
                                        Request.json(
                                                        "POST",
                                                        "/api/objectives",
                                                        "{\"cycleId\":\"" + someCycle
                                                                + "\",\"level\":\"TEAM\",\"team\":\"t\"}")
                                                .naming("title"),
                                NOTIFIER,
                                        Request.json("POST", "/api/webhooks", "{\"team\":\"a\"}")
                                                .naming("url"))),
                new Mistake(
                        "unreadable field",
                        400,
                        "unreadable-field",
                        Map.of(
                                COMMAND,
                                        Request.json(
                                                        "POST",
                                                        "/api/cycles",
                                                        "{\"name\":\"Q\",\"startsOn\":\"2026-01-01\","
                                                                + "\"endsOn\":\"2026-04-01\",\"cadence\":\"DAILY\"}")
                                                .naming("cadence"),
                                NOTIFIER,
                                        Request.json(
                                                        "POST",
                                                        "/api/webhooks",
                                                        "{\"url\":\"https://example.com/x\",\"team\":\"a\",\"format\":\"XML\"}")
                                                .naming("format"))),
                new Mistake(
                        "wrong content type",
                        415,
                        "unsupported-media-type",
                        Map.of(
                                COMMAND,
                                        new Request(
                                                "POST",
                                                "/api/cycles",
                                                "name=Q",
                                                null,
                                                true,
                                                "Content-Type",
                                                "text/plain"),
                                NOTIFIER,
                                        new Request(
                                                "POST",
                                                "/api/webhooks",
                                                "url=x",
                                                null,
                                                true,
                                                "Content-Type",
                                                "text/plain"))),
                // the command service has no query parameters
                new Mistake(
                        "bad query parameter",
                        400,
                        "invalid-field",
                        Map.of(
                                QUERY,
                                        Request.get("/api/cycles/" + someCycle + "/dashboard?level=GALACTIC")
                                                .naming("level"),
                                NOTIFIER,
                                        Request.get("/api/alerts?keyResultId=nope")
                                                .naming("keyResultId"))),
                new Mistake(
                        "bad path parameter",
                        400,
                        "invalid-field",
                        Map.of(
                                COMMAND,
                                        Request.json(
                                                        "POST",
                                                        "/api/key-results/not-a-uuid/drop",
                                                        "{\"reason\":\"gone\"}")
                                                .naming("keyResultId"),
                                QUERY, Request.get("/api/cycles/not-a-uuid").naming("id"),
                                NOTIFIER, Request.get("/api/alerts/not-a-uuid").naming("id"))),
                new Mistake("unknown path", 404, "unknown-path", everywhere(Request.get("/api/no-such-thing"))),
                new Mistake(
                        "wrong method",
                        405,
                        "method-not-allowed",
                        Map.of(
                                COMMAND, new Request("DELETE", "/api/cycles", null, null, true),
                                QUERY, new Request("DELETE", "/api/cycles", null, null, true),
                                NOTIFIER, new Request("DELETE", "/api/alerts", null, null, true))),
                new Mistake(
                        "not acceptable",
                        406,
                        "not-acceptable",
                        Map.of(
                                QUERY, Request.get("/api/cycles").withHeader("Accept", "application/xml"),
                                NOTIFIER, Request.get("/api/alerts").withHeader("Accept", "application/xml"))),
                new Mistake(
                        "NUL in the path",
                        400,
                        "malformed-request",
                        everywhere(Request.get("/api/cycles/%00/dashboard"))),
                new Mistake(
                        "bad percent-encoding", 400, "malformed-request", everywhere(Request.get("/api/cycles/%zz"))),
                new Mistake(
                        "path the firewall refuses", 400, "malformed-request", everywhere(Request.get("/api//cycles"))),
                new Mistake(
                        "oversized header",
                        400,
                        "malformed-request",
                        everywhere(Request.get("/api/cycles").withHeader("X-Padding", "x".repeat(20_000)))),
                new Mistake(
                        "no token",
                        401,
                        "authentication-required",
                        Map.of(
                                COMMAND,
                                        Request.json("POST", "/api/cycles", "{}")
                                                .anonymous(),
                                QUERY, Request.get("/api/cycles").anonymous(),
                                NOTIFIER, Request.get("/api/alerts").anonymous())),
                new Mistake(
                        "too large body",
                        413,
                        "request-size-limit",
                        Map.of(
                                COMMAND, Request.json("POST", "/api/cycles", tooLarge),
                                QUERY, Request.json("POST", "/api/admin/rebuild", tooLarge),
                                NOTIFIER, Request.json("POST", "/api/webhooks", tooLarge))));
    }

    private static Map<Service, Request> everywhere(Request request) {
        Map<Service, Request> all = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            all.put(service, request);
        }
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void everyServiceAnswersTheSameMistakeWithTheSameProblem(Mistake mistake) {
        assertThat(mistake.requests())
                .as("a mistake is compared across at least two services")
                .hasSizeGreaterThan(1);
        mistake.requests().forEach((service, request) -> {
            RawHttp.Answer answer = send(service, request);
            String where = service.title() + " " + request.method() + " " + abbreviated(request.target()) + " answered "
                    + answer.status() + " " + abbreviated(answer.body());
            assertThat(answer.contentType()).as(where).startsWith("application/problem+json");
            JsonNode problem = EventCodec.mapper().readTree(answer.body());
            assertThat(answer.status()).as(where).isEqualTo(mistake.status());
            assertThat(problem.get("status").asInt()).as(where).isEqualTo(mistake.status());
            assertThat(problem.get("rule").asString()).as(where).isEqualTo(mistake.rule());
            assertThat(problem.get("type").asString()).as(where).isEqualTo("urn:okr-ledger:problem:" + mistake.rule());
            if (request.field() != null) {
                assertThat(problem.get("field").asString()).as(where).isEqualTo(request.field());
            }
        });
    }

    private static RawHttp.Answer send(Service service, Request request) {
        List<String> headers = new ArrayList<>(List.of(request.headers()));
        if (request.signedIn()) {
            headers.addAll(List.of("Authorization", TestSystem.adminBearer()));
        }
        return RawHttp.send(
                system.port(service),
                request.method(),
                request.target(),
                request.body(),
                headers.toArray(String[]::new));
    }

    private static String abbreviated(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
