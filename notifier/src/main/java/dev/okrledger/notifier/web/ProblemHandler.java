package dev.okrledger.notifier.web;

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
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Maps every failure a client can cause to an RFC 9457 problem naming the rule and the field (the
 * house style of the command service). Anything else is a bug: logged, answered with a bare 500.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    static ProblemDetail problem(HttpStatus status, String rule, String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:okr-ledger:problem:" + rule));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("rule", rule);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> api(ApiProblem e) {
        return ResponseEntity.status(e.status()).body(problem(e.status(), e.rule(), e.field(), e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-field", e.getName(),
                e.getName() + ": '" + e.getValue() + "' is not a valid value"));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", null, "An unexpected error occurred");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        String first = errors.isEmpty() ? "request" : errors.get(0).get("field");
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-field", first,
                errors.isEmpty() ? "Invalid request" : first + ": " + errors.get(0).get("message"));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof DatabindException bad && !bad.getPath().isEmpty()) {
            String field = bad.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> a + "." + b).orElse("request");
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "unreadable-field", field,
                    "Field '" + field + "' has an invalid value"));
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-json", null,
                "The request body is not valid JSON"));
    }
}
