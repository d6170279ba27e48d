package dev.okrledger.security;

import dev.okrledger.support.problem.ProblemRules;
import dev.okrledger.support.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** Refuses request bodies larger than {@code okr.security.max-request-bytes} (413) before reading them. */
class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;

    RequestSizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            Problems.write(
                    response,
                    Problems.problem(
                            HttpStatus.CONTENT_TOO_LARGE,
                            ProblemRules.REQUEST_SIZE_LIMIT,
                            null,
                            "Request bodies are limited to " + maxBytes + " bytes"));
            return;
        }
        chain.doFilter(request, response);
    }
}
