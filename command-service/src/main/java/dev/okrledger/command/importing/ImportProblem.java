package dev.okrledger.command.importing;

import dev.okrledger.support.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.Comparator;
import java.util.List;

/**
 * An import answered with an RFC 9457 problem in the house style (type {@code urn:okr-ledger:problem:<rule>},
 * properties {@code rule}, {@code field}, {@code errors}). Spring renders it like any ErrorResponse.
 */
class ImportProblem extends ErrorResponseException {

    private ImportProblem(HttpStatus status, ProblemDetail body, Throwable cause) {
        super(status, body, cause);
    }

    /** A fault of the whole request: an unreadable file (400), an unknown cycle (404), a closed one (409), a type the import does not take (415). */
    static ImportProblem of(HttpStatus status, String rule, String field, String detail) {
        ProblemDetail body = body(status, rule, detail);
        if (field != null) {
            body.setProperty("field", field);
        }
        return new ImportProblem(status, body, null);
    }

    /** Rows break rules (422) or may not be imported by this user (403): every one is listed, nothing is written. */
    static ImportProblem rows(HttpStatus status, String rule, String detail, List<RowError> errors) {
        ProblemDetail body = body(status, rule, detail);
        body.setProperty(
                "errors",
                errors.stream()
                        .sorted(Comparator.comparingInt(RowError::row)
                                .thenComparing(RowError::field, Comparator.nullsFirst(Comparator.naturalOrder())))
                        .toList());
        return new ImportProblem(status, body, null);
    }

    /** A command failed after earlier rows were recorded (a race with another change): re-importing completes it. */
    static ImportProblem interrupted(int row, int recorded, RuntimeException cause) {
        ProblemDetail body = body(
                HttpStatus.CONFLICT,
                "import-interrupted",
                "Row " + row + " could not be recorded ("
                        + cause.getMessage() + "). The " + recorded
                        + " objectives and key results before it were recorded; "
                        + "import the same file again once the cause is gone: nothing is recorded twice.");
        body.setProperty("row", row);
        body.setProperty("recorded", recorded);
        return new ImportProblem(HttpStatus.CONFLICT, body, cause);
    }

    private static ProblemDetail body(HttpStatus status, String rule, String detail) {
        return Problems.problem(status, rule, null, detail);
    }
}
