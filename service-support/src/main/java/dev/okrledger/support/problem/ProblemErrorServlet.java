package dev.okrledger.support.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.io.IOException;

/**
 * The servlet container's error page ({@code /error}) as a problem. It answers what fails inside
 * the servlet but outside Spring MVC's handlers: a filter that throws or calls {@code sendError}
 * (Spring Security's firewall rejecting a path, for one). A servlet of its own, mapped exactly,
 * rather than a controller: Boot's JSON error controller never answers, and the OpenAPI document
 * does not list it.
 */
public class ProblemErrorServlet extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorServlet.class);

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        ProblemDetail problem;
        if (!(code instanceof Integer status)) {
            // asked for directly, not forwarded by the container after an error
            problem = Problems.problem(
                    HttpStatus.NOT_FOUND,
                    ProblemRules.UNKNOWN_PATH,
                    null,
                    "No endpoint " + request.getMethod() + " " + request.getRequestURI());
        } else if (status >= 500 || status < 400) {
            Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            log.error(
                    "Unexpected failure outside Spring MVC at {}",
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    failure instanceof Throwable t ? t : null);
            problem = CommonProblemHandler.unexpected();
        } else {
            Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
            problem = Problems.problem(
                    HttpStatusCode.valueOf(status),
                    ProblemRules.forStatus(status),
                    null,
                    message instanceof String text && !text.isBlank() ? text : "The request was refused");
        }
        response.reset();
        Problems.write(response, problem);
    }
}
