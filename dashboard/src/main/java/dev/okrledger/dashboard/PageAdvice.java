package dev.okrledger.dashboard;

import dev.okrledger.dashboard.readmodel.Refused;
import dev.okrledger.dashboard.signin.SignedIn;
import dev.okrledger.security.OkrUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every page shares: the signed-in person for the header, and errors as a page (the common
 * problem handler answers JSON; a person gets a sentence and a way back instead), also when a service
 * refused what the page asked it for.
 */
@ControllerAdvice(basePackages = "dev.okrledger.dashboard")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageAdvice.class);

    private final SignedIn signedIn;

    PageAdvice(SignedIn signedIn) {
        this.signedIn = signedIn;
    }

    @ModelAttribute("me")
    OkrUser me() {
        return signedIn.person().orElse(null);
    }

    /** Unknown ids (404), unreadable parameters (400) and states that forbid a page (409). */
    @ExceptionHandler(ErrorResponseException.class)
    ModelAndView refused(ErrorResponseException e) {
        String detail = e.getBody().getDetail();
        return errorPage(e.getStatusCode(), detail == null ? e.getBody().getTitle() : detail);
    }

    /** A service refused what the page asked for (unknown id, bad parameter) or could not be asked. */
    @ExceptionHandler(Refused.class)
    ModelAndView refused(Refused e) {
        return errorPage(HttpStatusCode.valueOf(e.status()), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView unreadable(MethodArgumentTypeMismatchException e) {
        return errorPage(HttpStatus.BAD_REQUEST, e.getName() + ": '" + e.getValue() + "' is not a valid value");
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        log.error("A dashboard page failed", e);
        return errorPage(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; it has been logged.");
    }

    private ModelAndView errorPage(HttpStatusCode status, String detail) {
        ModelAndView page = new ModelAndView("page-error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("detail", detail);
        page.addObject("me", me());
        return page;
    }
}
