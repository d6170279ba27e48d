package dev.okrledger.support.problem;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's error report as a problem instead of an HTML page. Tomcat answers some requests before
 * any servlet sees them: a path with an encoded NUL or bad percent-encoding, headers over the size
 * limit, a malformed request line. Only this valve, on the host, can answer those.
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as the HTML report: only errors, only when nothing was written, only once, only while the connection can take
        // it
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemDetail problem = status >= 500
                ? CommonProblemHandler.unexpected()
                : Problems.problem(
                        HttpStatusCode.valueOf(status), ProblemRules.forStatus(status), null, detail(response));
        try {
            response.setContentType(Problems.MEDIA_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(Problems.json(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing left to tell
        }
    }

    private static String detail(Response response) {
        String message = response.getMessage();
        return message == null || message.isBlank() ? "The request could not be read" : message;
    }
}
