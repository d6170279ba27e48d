package dev.okrledger.query.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A query parameter or path variable that cannot be read. HTTP 400 naming the field. */
public class BadRequest extends ErrorResponseException {

    public BadRequest(String rule, String field, String detail) {
        super(HttpStatus.BAD_REQUEST, Problems.problem(HttpStatus.BAD_REQUEST, rule, field, detail), null);
    }
}
