package dev.okrledger.query.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/** A read model has no such entity (yet: projections are eventually consistent). HTTP 404. */
public class NotFound extends ErrorResponseException {

    public NotFound(String entity, Object id) {
        super(HttpStatus.NOT_FOUND, problem(entity, id), null);
    }

    private static ProblemDetail problem(String entity, Object id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No " + entity + " with id " + id);
        problem.setType(URI.create("urn:okr-ledger:problem:unknown-" + entity));
        problem.setProperty("rule", "unknown-" + entity);
        return problem;
    }
}
