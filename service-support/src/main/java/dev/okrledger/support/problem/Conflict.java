package dev.okrledger.support.problem;

import org.springframework.http.HttpStatus;

/** The state forbids the request (a resolved alert, a rebuild already running): HTTP 409. */
public class Conflict extends ProblemException {

    public Conflict(String rule, String detail) {
        super(HttpStatus.CONFLICT, rule, null, detail);
    }
}
