package dev.okrledger.support.problem;

import org.springframework.http.HttpStatus;

/** A query parameter or path variable that cannot be read: HTTP 400 naming the field. */
public class BadRequest extends ProblemException {

    public BadRequest(String rule, String field, String detail) {
        super(HttpStatus.BAD_REQUEST, rule, field, detail);
    }
}
