package dev.okrledger.support.problem;

import org.springframework.http.HttpStatus;

/** An id that names nothing (here, or not yet: read models are eventually consistent): HTTP 404 {@code unknown-<entity>}. */
public class NotFound extends ProblemException {

    public NotFound(String entity, Object id) {
        super(HttpStatus.NOT_FOUND, ProblemRules.unknown(entity), null, "No " + entity + " with id " + id);
    }
}
