package dev.okrledger.support.problem;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place RFC 9457 problems are built, in the vocabulary of docs/architecture.md: type
 * {@code urn:okr-ledger:problem:<rule>}, title the status's reason phrase, and the properties
 * {@code rule}, {@code field} (the request element at fault, when there is one) and {@code errors}
 * (every invalid field, for bean validation).
 */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:okr-ledger:problem:";
    public static final String MEDIA_TYPE = "application/problem+json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {}

    /** @param field the request element at fault (body field, parameter, header), or null when no single one is */
    public static ProblemDetail problem(HttpStatusCode status, String rule, String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + rule));
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        problem.setProperty("rule", rule);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }

    /** One invalid field of a request, as listed under {@code errors}. */
    public record FieldError(String field, String message) {}

    /** A 400 {@code invalid-field} naming the first invalid field, with all of them under {@code errors}. */
    public static ProblemDetail invalidFields(List<FieldError> errors) {
        String first = errors.isEmpty() ? "request" : errors.get(0).field();
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                ProblemRules.INVALID_FIELD,
                first,
                errors.isEmpty()
                        ? "Invalid request"
                        : first + ": " + errors.get(0).message());
        problem.setProperty(
                "errors",
                errors.stream()
                        .map(e -> Map.of("field", e.field(), "message", e.message()))
                        .toList());
        return problem;
    }

    /** The rule a problem names, or null for a problem not built here. */
    public static String ruleOf(ProblemDetail problem) {
        Map<String, Object> properties = problem.getProperties();
        return properties == null ? null : (String) properties.get("rule");
    }

    /** The problem as JSON, for code that answers outside Spring MVC (filters, Tomcat's error valve). */
    public static String json(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        String detail = problem.getDetail();
        if (detail != null) {
            body.put("detail", detail);
        }
        URI instance = problem.getInstance();
        if (instance != null) {
            body.put("instance", instance.toString());
        }
        Map<String, Object> properties = problem.getProperties();
        if (properties != null) {
            body.putAll(properties);
        }
        return JSON.writeValueAsString(body);
    }

    /** Answers with the problem, for servlet filters that stop a request before Spring MVC. */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(problem));
    }
}
