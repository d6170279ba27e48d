package dev.okrledger.support.problem;

import org.springframework.http.HttpStatus;

/** Well-formed, but breaks a rule: HTTP 422 naming the rule and the field. */
public class Unprocessable extends ProblemException {

    public Unprocessable(String rule, String field, String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, rule, field, detail);
    }
}
