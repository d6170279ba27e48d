package dev.okrledger.security;

import dev.okrledger.support.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The signed-in user may read this but not change it (HTTP 403 problem). */
public class Forbidden extends ProblemException {

    public Forbidden(String rule, String detail) {
        super(HttpStatus.FORBIDDEN, rule, null, detail);
    }
}
