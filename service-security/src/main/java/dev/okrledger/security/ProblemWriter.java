package dev.okrledger.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes the small 401/403/413 problems that are answered before Spring MVC is reached. */
final class ProblemWriter {

    private ProblemWriter() {
    }

    static void write(HttpServletResponse response, HttpStatus status, String rule, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"urn:okr-ledger:problem:" + rule + "\",\"title\":\""
                + status.getReasonPhrase() + "\",\"status\":" + status.value() + ",\"rule\":\"" + rule
                + "\",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
