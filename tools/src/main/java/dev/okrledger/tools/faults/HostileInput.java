package dev.okrledger.tools.faults;

import dev.okrledger.contract.event.EventCodec;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every operation of every service's OpenAPI document ({@code /v3/api-docs}) fed hostile input:
 * path and query parameters that are not what they claim, bodies that are not JSON, not an object,
 * of the wrong types, too deep or too large, and content types the operation does not take. Signed
 * in as an admin, so that refusals come from the input, not the permissions. Counts answers by
 * status and checks the rules: no 5xx, every 4xx an {@code application/problem+json} body, and
 * nothing written (the event store's head and the notifier's webhooks unchanged after each operation's
 * hostile requests).
 *
 * <p>Operations with neither parameters nor a body (start a rebuild, run the scan) have nothing
 * hostile to take and are left out; the count of them is reported.
 */
public final class HostileInput {

    /** What the run saw; {@link #violations()} is empty when every rule held. */
    public record Result(
            int operations,
            int skippedOperations,
            long requests,
            Map<Integer, Long> byStatus,
            List<String> violations) {}

    private static final Pattern HEAD = Pattern.compile("(?m)^okr_event_store_head(?:\\{[^}]*})? (\\S+)$");

    private static final List<String> HOSTILE_VALUES = List.of(
            "not-a-uuid",
            "../../etc/passwd",
            "' or '1'='1",
            "<script>alert(1)</script>",
            "%00",
            "\u0000",
            "-1",
            "99999999999999999999",
            "1e400",
            "NaN",
            "\uD83D\uDE00",
            "x".repeat(5_000),
            "",
            " ",
            "null",
            "[]",
            "{}");

    private static final List<String> HOSTILE_BODIES = List.of(
            "{",
            "{\"a\":",
            "}{",
            "[]",
            "\"text\"",
            "42",
            "null",
            "true",
            "{\"a\":1,}",
            "{'single':'quotes'}",
            "{\"a\":NaN}",
            "\uFEFF{garbage",
            "{}{}",
            "[".repeat(3_000) + "]".repeat(3_000),
            "{\"a\":\"" + "x".repeat(70_000) + "\"}");

    private static final List<String> HOSTILE_CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded",
            "application/json; charset=utf-7",
            "image/png",
            "*/*");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String bearer;
    private final String commandUrl;
    private final String notifierUrl;
    private final Map<Integer, Long> byStatus = new TreeMap<>();
    private final List<String> violations = new ArrayList<>();
    private long requests;

    /** @param token a bearer token of an admin */
    public HostileInput(String token, String commandUrl, String notifierUrl) {
        this.bearer = "Bearer " + token;
        this.commandUrl = commandUrl;
        this.notifierUrl = notifierUrl;
    }

    /** Runs over the OpenAPI documents of the services at {@code baseUrls}. */
    public Result run(List<String> baseUrls) throws IOException, InterruptedException {
        int operations = 0;
        int skipped = 0;
        String written = written();
        for (String baseUrl : baseUrls) {
            JsonNode paths =
                    EventCodec.mapper().readTree(get(baseUrl + "/v3/api-docs")).get("paths");
            for (var path : paths.properties()) {
                for (var operation : path.getValue().properties()) {
                    String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                    List<JsonNode> parameters = new ArrayList<>();
                    operation.getValue().path("parameters").forEach(parameters::add);
                    JsonNode body = operation.getValue().path("requestBody");
                    if (parameters.isEmpty() && body.isMissingNode()) {
                        skipped++;
                        continue;
                    }
                    operations++;
                    written = attack(baseUrl, method, path.getKey(), parameters, body, written);
                }
            }
        }
        return new Result(operations, skipped, requests, Map.copyOf(byStatus), List.copyOf(violations));
    }

    private String attack(
            String baseUrl, String method, String template, List<JsonNode> parameters, JsonNode body, String written)
            throws IOException, InterruptedException {
        List<HttpRequest> attacks = new ArrayList<>();
        String safePath = fill(template, parameters, null, null);
        for (JsonNode parameter : parameters) {
            String name = parameter.get("name").asString();
            String in = parameter.get("in").asString();
            for (String value : HOSTILE_VALUES) {
                if (in.equals("path")) {
                    add(
                            attacks,
                            method,
                            baseUrl + fill(template, parameters, name, encode(value)),
                            validBody(body),
                            "application/json");
                } else if (in.equals("query")) {
                    add(
                            attacks,
                            method,
                            baseUrl + safePath + "?" + name + "=" + encode(value),
                            validBody(body),
                            "application/json");
                }
            }
            if (in.equals("path")) {
                // raw, as a careless or hostile client sends it
                for (String raw :
                        List.of("%00", "%zz", "..%2f..%2f", "%2e%2e", ";jsessionid=x", "a%0d%0aX-Injected:1")) {
                    add(
                            attacks,
                            method,
                            baseUrl + fill(template, parameters, name, raw),
                            validBody(body),
                            "application/json");
                }
            }
        }
        if (!body.isMissingNode()) {
            for (String hostile : HOSTILE_BODIES) {
                add(attacks, method, baseUrl + safePath, hostile, "application/json");
            }
            for (String type : HOSTILE_CONTENT_TYPES) {
                add(attacks, method, baseUrl + safePath, "[]", type);
            }
            add(attacks, method, baseUrl + safePath, "[]", null);
        }
        for (HttpRequest attack : attacks) {
            HttpResponse<String> answer;
            try {
                answer = http.send(attack, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                violation(attack, "no answer: " + e);
                continue;
            }
            requests++;
            byStatus.merge(answer.statusCode(), 1L, Long::sum);
            if (answer.statusCode() >= 500) {
                violation(attack, "answered " + answer.statusCode() + ": " + shorten(answer.body()));
            } else if (answer.statusCode() >= 400
                    && !answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                violation(
                        attack,
                        answer.statusCode() + " without a problem body: "
                                + answer.headers().firstValue("Content-Type").orElse("no content type"));
            }
        }
        // checked per operation, not per request: three requests for one would double the run's time
        String now = written();
        if (!now.equals(written)) {
            violations.add(
                    method + " " + template + ": hostile input wrote something (" + written + " -> " + now + ")");
        }
        return now;
    }

    /** A body of the right shape for the operation would be an object; the hostile part is elsewhere. */
    private static String validBody(JsonNode body) {
        return body.isMissingNode() ? null : "{}";
    }

    /** The path with every parameter filled: {@code hostileName} gets {@code hostileValue}, others an unknown id. */
    private static String fill(String template, List<JsonNode> parameters, String hostileName, String hostileValue) {
        String path = template;
        for (JsonNode parameter : parameters) {
            if (parameter.get("in").asString().equals("path")) {
                String name = parameter.get("name").asString();
                path = path.replace(
                        "{" + name + "}",
                        name.equals(hostileName)
                                ? hostileValue
                                : UUID.randomUUID().toString());
            }
        }
        return path;
    }

    private void add(List<HttpRequest> attacks, String method, String url, String body, String contentType) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return; // a URL the client library itself refuses never reaches the service
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", bearer)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        attacks.add(request.build());
    }

    /** The event store's head and the notifier's webhooks: what a refused request must leave alone. */
    private String written() throws IOException, InterruptedException {
        Matcher head = HEAD.matcher(get(commandUrl + "/actuator/prometheus"));
        String webhooks = get(notifierUrl + "/api/webhooks");
        return "head " + (head.find() ? head.group(1) : "?") + ", webhooks "
                + EventCodec.mapper().readTree(webhooks).size();
    }

    private String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", bearer)
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("GET " + url + " answered " + answer.statusCode());
        }
        return answer.body();
    }

    private void violation(HttpRequest attack, String what) {
        violations.add(attack.method() + " " + shorten(attack.uri().toString()) + " "
                + attack.headers().firstValue("Content-Type").orElse("") + ": " + what);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String shorten(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }

    /** The result as a JSON-friendly map. */
    public static Map<String, Object> summary(Result result) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("operations", result.operations());
        summary.put("operationsWithoutInput", result.skippedOperations());
        summary.put("requests", result.requests());
        summary.put("byStatus", result.byStatus());
        summary.put("violations", result.violations());
        return summary;
    }
}
