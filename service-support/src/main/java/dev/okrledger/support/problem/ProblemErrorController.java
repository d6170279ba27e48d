package dev.okrledger.support.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * The servlet container's error page ({@code /error}) as a problem, replacing Boot's JSON of
 * timestamp, status and path. It answers what fails outside Spring MVC's handlers but inside the
 * servlet: a filter that throws or calls {@code sendError} (Spring Security's firewall rejecting a
 * path, for one).
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 ? value : 500;
        ProblemDetail problem;
        if (status >= 500) {
            Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            log.error("Unexpected failure outside Spring MVC at {}",
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), failure instanceof Throwable t ? t : null);
            problem = CommonProblemHandler.unexpected();
        } else {
            Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
            problem = Problems.problem(HttpStatusCode.valueOf(status), ProblemRules.forStatus(status), null,
                    message instanceof String text && !text.isBlank() ? text : "The request was refused");
        }
        response.reset();
        Problems.write(response, problem);
    }
}
