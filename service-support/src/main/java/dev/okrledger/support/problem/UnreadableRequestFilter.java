package dev.okrledger.support.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Locale;

/**
 * Refuses, before anything reads them, two things no endpoint can take and that would otherwise
 * surface as a 500 deep inside (both found by the fault suite's hostile-input run): a
 * {@code Content-Type} that is not one concrete media type ({@code *}{@code /*}, {@code application/*},
 * unparseable), which Spring MVC's request wrapper throws on; and a NUL character in a query
 * parameter, which PostgreSQL refuses in any text it is given.
 */
class UnreadableRequestFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && !isConcrete(contentType)) {
            Problems.write(
                    response,
                    Problems.problem(
                            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                            ProblemRules.UNSUPPORTED_MEDIA_TYPE,
                            "Content-Type",
                            "Content-Type must name one media type, such as application/json"));
            return;
        }
        String withNul = parameterWithNul(request.getQueryString());
        if (withNul != null) {
            Problems.write(
                    response,
                    Problems.problem(
                            HttpStatus.BAD_REQUEST,
                            ProblemRules.INVALID_FIELD,
                            withNul,
                            withNul + ": must not contain a NUL character"));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isConcrete(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** The name of the first query parameter whose value holds a NUL (raw or as {@code %00}), or null. */
    private static String parameterWithNul(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            if (value.indexOf('\0') >= 0 || value.toLowerCase(Locale.ROOT).contains("%00")) {
                return equals < 0 ? pair : pair.substring(0, equals);
            }
        }
        return null;
    }
}
