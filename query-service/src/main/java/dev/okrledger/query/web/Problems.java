package dev.okrledger.query.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/** RFC 9457 problems in the house style: type {@code urn:okr-ledger:problem:<rule>}, properties rule and field. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail problem(HttpStatus status, String rule, String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:okr-ledger:problem:" + rule));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("rule", rule);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }
}
