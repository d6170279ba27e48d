package dev.okrledger.command.web;

import dev.okrledger.command.shared.InvalidInput;
import dev.okrledger.command.shared.StateConflict;
import dev.okrledger.command.shared.UnknownEntity;
import dev.okrledger.command.shared.VersionConflict;
import dev.okrledger.support.problem.ProblemRules;
import dev.okrledger.support.problem.Problems;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The command side's own refusals as problems: the domain throws plain exceptions (it knows no
 * HTTP), and this maps them. Every other mistake is answered by service-support's common handler,
 * which comes after this one.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler {

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput e) {
        return Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, e.rule(), e.field(), e.getMessage());
    }

    @ExceptionHandler(StateConflict.class)
    ProblemDetail conflict(StateConflict e) {
        return Problems.problem(HttpStatus.CONFLICT, e.rule(), null, e.getMessage());
    }

    @ExceptionHandler(VersionConflict.class)
    ProblemDetail versionConflict(VersionConflict e) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "stale-version", null, e.getMessage());
        problem.setProperty("currentVersion", e.currentVersion());
        return problem;
    }

    /** 404 when the id came from the path, 422 naming the field when the body named it. */
    @ExceptionHandler(UnknownEntity.class)
    ProblemDetail unknown(UnknownEntity e) {
        HttpStatus status = e.field() == null ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_CONTENT;
        return Problems.problem(status, ProblemRules.unknown(e.entity()), e.field(), e.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail aggregateNotFound(AggregateNotFoundException e) {
        return Problems.problem(
                HttpStatus.NOT_FOUND,
                ProblemRules.unknown("id"),
                null,
                "No such resource: " + e.getAggregateIdentifier());
    }
}
