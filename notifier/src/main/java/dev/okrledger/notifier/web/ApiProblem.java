package dev.okrledger.notifier.web;

import org.springframework.http.HttpStatus;

/** A failure the client caused, answered as an RFC 9457 problem naming the rule (and the field). */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String rule;
    private final String field;

    public ApiProblem(HttpStatus status, String rule, String field, String detail) {
        super(detail);
        this.status = status;
        this.rule = rule;
        this.field = field;
    }

    public static ApiProblem notFound(String entity, Object id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "unknown-" + entity, null, "No " + entity + " " + id);
    }

    public static ApiProblem invalid(String rule, String field, String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, rule, field, detail);
    }

    public static ApiProblem conflict(String rule, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, rule, null, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }
}
