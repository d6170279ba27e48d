package dev.okrledger.security;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/** The signed-in user may read this but not change it (HTTP 403 problem). */
public class Forbidden extends ErrorResponseException {

    public Forbidden(String rule, String detail) {
        super(HttpStatus.FORBIDDEN, problem(rule, detail), null);
    }

    static ProblemDetail problem(String rule, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setType(URI.create("urn:okr-ledger:problem:" + rule));
        problem.setTitle("Forbidden");
        problem.setProperty("rule", rule);
        return problem;
    }
}
