package dev.okrledger.command.web;

import dev.okrledger.command.shared.InvalidInput;
import dev.okrledger.command.shared.StateConflict;
import dev.okrledger.command.shared.UnknownEntity;
import dev.okrledger.command.shared.VersionConflict;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Maps every failure a client can cause to an RFC 9457 problem that names the rule and the field.
 * Anything else is a bug: logged with its stack trace, answered with a bare 500.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    public static ProblemDetail problem(HttpStatus status, String rule, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:okr-ledger:problem:" + rule));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("rule", rule);
        return problem;
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, e.rule(), e.getMessage());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return problem;
    }

    @ExceptionHandler(StateConflict.class)
    ProblemDetail conflict(StateConflict e) {
        return problem(HttpStatus.CONFLICT, e.rule(), e.getMessage());
    }

    @ExceptionHandler(VersionConflict.class)
    ProblemDetail versionConflict(VersionConflict e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "stale-version", e.getMessage());
        problem.setProperty("currentVersion", e.currentVersion());
        return problem;
    }

    @ExceptionHandler(UnknownEntity.class)
    ProblemDetail unknown(UnknownEntity e) {
        if (e.field() != null) {
            ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-" + e.entity(), e.getMessage());
            problem.setProperty("field", e.field());
            return problem;
        }
        return problem(HttpStatus.NOT_FOUND, "unknown-" + e.entity(), e.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail aggregateNotFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-id", "No such resource: " + e.getAggregateIdentifier());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "An unexpected error occurred");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        String first = errors.isEmpty() ? "request" : errors.get(0).get("field");
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-field",
                errors.isEmpty() ? "Invalid request" : first + ": " + errors.get(0).get("message"));
        problem.setProperty("field", first);
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem;
        if (e.getCause() instanceof DatabindException bad && !bad.getPath().isEmpty()) {
            String field = bad.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> a + "." + b).orElse("request");
            problem = problem(HttpStatus.BAD_REQUEST, "unreadable-field", "Field '" + field + "' has an invalid value");
            problem.setProperty("field", field);
        } else {
            problem = problem(HttpStatus.BAD_REQUEST, "malformed-json", "The request body is not valid JSON");
        }
        return ResponseEntity.badRequest().body(problem);
    }
}
