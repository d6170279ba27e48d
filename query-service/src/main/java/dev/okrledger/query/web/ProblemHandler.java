package dev.okrledger.query.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every failure a client can cause becomes a problem naming the rule and the field; anything else is
 * a bug, logged and answered with a bare 500.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /** A path variable or query parameter of the wrong type (a malformed UUID, page=abc, an unknown level). */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return Problems.problem(HttpStatus.BAD_REQUEST, "invalid-parameter", e.getName(),
                e.getName() + " has an invalid value '" + e.getValue() + "'");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", null, "An unexpected error occurred");
    }
}
