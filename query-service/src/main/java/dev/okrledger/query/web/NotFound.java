package dev.okrledger.query.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A read model has no such entity (yet: projections are eventually consistent). HTTP 404. */
public class NotFound extends ErrorResponseException {

    public NotFound(String entity, Object id) {
        super(HttpStatus.NOT_FOUND, Problems.problem(HttpStatus.NOT_FOUND, "unknown-" + entity, null,
                "No " + entity + " with id " + id), null);
    }
}
