package dev.okrledger.query.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The state forbids the request (a retrospective of an open cycle, a second rebuild). HTTP 409. */
public class Conflict extends ErrorResponseException {

    public Conflict(String rule, String detail) {
        super(HttpStatus.CONFLICT, Problems.problem(HttpStatus.CONFLICT, rule, null, detail), null);
    }
}
