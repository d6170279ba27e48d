package dev.okrledger.support.problem;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A mistake a controller finds itself, answered as the problem it carries ({@link BadRequest},
 * {@link NotFound}, {@link Conflict}, {@link Unprocessable}, security's {@code Forbidden}). Domain
 * code that must not know HTTP throws its own exceptions instead, and its service maps them with
 * {@link Problems}.
 */
public class ProblemException extends ErrorResponseException {

    public ProblemException(HttpStatus status, String rule, String field, String detail) {
        super(status, Problems.problem(status, rule, field, detail), null);
    }

    /** The rule this problem names. */
    public String rule() {
        return Problems.ruleOf(getBody());
    }
}
