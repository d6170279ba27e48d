package dev.okrledger.support.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DatabindException;

import java.time.Duration;

/**
 * The mistakes every service can meet inside Spring MVC, answered in the shared vocabulary:
 * unreadable or invalid bodies, bad parameters, unknown paths, wrong methods and media types,
 * and every {@link org.springframework.web.ErrorResponseException} (such as {@link ProblemException}).
 * An outage of the database or the broker is answered 503 with {@code Retry-After} ({@link Outages});
 * anything else is a bug: logged with its stack trace, answered with a bare 500.
 *
 * <p>Ordered last: a service's own advice for its own exceptions must carry an {@code @Order}
 * before this one, or this catch-all would answer first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class CommonProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(CommonProblemHandler.class);

    private final Duration retryAfter;

    CommonProblemHandler(@Value("${okr.problems.retry-after:PT5S}") Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    /** An outage of the database or the broker is 503 with {@code Retry-After}; anything else is a bug. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        return Outages.of(e).map(this::unavailable).orElseGet(() -> {
            log.error("Unexpected failure", e);
            return ResponseEntity.internalServerError().body(unexpected());
        });
    }

    private ResponseEntity<ProblemDetail> unavailable(DependencyUnavailable outage) {
        // an outage is expected to happen and to pass: one line, no stack trace
        log.warn("Answered 503 {}: {}", outage.rule(), String.valueOf(outage.getCause()));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())))
                .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, outage.rule(), null, outage.getMessage()));
    }

    /** Every answer of the Spring MVC exceptions passes here: give it a rule unless it has one. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // ErrorResponse exceptions (ProblemException, Forbidden) arrive without a body: it is their own
        Object given = body == null && e instanceof ErrorResponse response ? response.getBody() : body;
        boolean ours = given instanceof ProblemDetail problem && Problems.ruleOf(problem) != null;
        return super.handleExceptionInternal(e, ours ? given : problemFor(e, status, given), headers, status, request);
    }

    static ProblemDetail unexpected() {
        return Problems.problem(
                HttpStatus.INTERNAL_SERVER_ERROR, ProblemRules.INTERNAL_ERROR, null, "An unexpected error occurred");
    }

    private static ProblemDetail problemFor(Exception e, HttpStatusCode status, Object springBody) {
        if (e instanceof MethodArgumentNotValidException invalid) {
            return Problems.invalidFields(invalid.getBindingResult().getFieldErrors().stream()
                    .map(f -> new Problems.FieldError(f.getField(), String.valueOf(f.getDefaultMessage())))
                    .toList());
        }
        if (e instanceof HandlerMethodValidationException invalid) {
            return Problems.invalidFields(invalid.getParameterValidationResults().stream()
                    .flatMap(r -> r.getResolvableErrors().stream()
                            .map(error -> new Problems.FieldError(
                                    String.valueOf(r.getMethodParameter().getParameterName()),
                                    String.valueOf(error.getDefaultMessage()))))
                    .toList());
        }
        if (e instanceof HttpMessageNotReadableException unreadable) {
            return unreadableBody(unreadable);
        }
        if (e instanceof MethodArgumentTypeMismatchException mismatch) {
            return Problems.problem(
                    HttpStatus.BAD_REQUEST,
                    ProblemRules.INVALID_FIELD,
                    mismatch.getName(),
                    mismatch.getName() + ": '" + mismatch.getValue() + "' is not a valid value");
        }
        if (e instanceof TypeMismatchException mismatch) {
            return Problems.problem(
                    HttpStatus.BAD_REQUEST,
                    ProblemRules.INVALID_FIELD,
                    mismatch.getPropertyName(),
                    mismatch.getPropertyName() + ": '" + mismatch.getValue() + "' is not a valid value");
        }
        if (e instanceof MissingServletRequestParameterException missing) {
            return Problems.problem(
                    HttpStatus.BAD_REQUEST,
                    ProblemRules.INVALID_FIELD,
                    missing.getParameterName(),
                    missing.getParameterName() + " is required");
        }
        if (e instanceof MissingRequestHeaderException missing) {
            return Problems.problem(
                    HttpStatus.BAD_REQUEST,
                    ProblemRules.INVALID_FIELD,
                    missing.getHeaderName(),
                    "The header " + missing.getHeaderName() + " is required");
        }
        if (e instanceof NoResourceFoundException unknown) {
            return Problems.problem(
                    status,
                    ProblemRules.UNKNOWN_PATH,
                    null,
                    "No endpoint " + unknown.getHttpMethod() + " /" + unknown.getResourcePath());
        }
        if (status.is5xxServerError()) {
            log.error("Failure inside Spring MVC", e);
            return unexpected();
        }
        String detail = springBody instanceof ProblemDetail spring ? spring.getDetail() : null;
        return Problems.problem(
                status, ProblemRules.forStatus(status.value()), null, detail != null ? detail : e.getMessage());
    }

    /** A body that is not JSON, or a field of it that cannot be read as its type (named by its path). */
    private static ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof DatabindException bad && !bad.getPath().isEmpty()) {
            String field = bad.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> a + "." + b)
                    .orElse("request");
            return Problems.problem(
                    HttpStatus.BAD_REQUEST,
                    ProblemRules.UNREADABLE_FIELD,
                    field,
                    "Field '" + field + "' has an invalid value");
        }
        return Problems.problem(
                HttpStatus.BAD_REQUEST, ProblemRules.MALFORMED_JSON, null, "The request body is not valid JSON");
    }
}
