package dev.okrledger.dashboard.signin;

import dev.okrledger.security.OkrUser;
import dev.okrledger.security.Role;
import dev.okrledger.security.TokenKeys;
import dev.okrledger.security.TokenMinter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The embedded default's sign-in: a person says who they are (subject, teams, role) and gets a dev
 * token minted here, on the server, with the key the services trust ({@code okr.dev-tokens.key-dir}).
 * Exists only with {@code okr.dev-sign-in.enabled}, which only the launcher's embedded default sets.
 */
@Controller
@ConditionalOnProperty(name = SignInPage.DEV_SIGN_IN, havingValue = "true")
class DevSignIn {

    /** The subject rule of the dev token endpoint. */
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

    private static final Pattern TEAM = Pattern.compile("[A-Za-z0-9._ -]{1,100}");

    private final TokenMinter minter;
    private final Duration lifetime;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();
    private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();
    private final SignInPage page;

    DevSignIn(
            @Value("${okr.dev-tokens.key-dir}") Path keyDir,
            @Value("${okr.dev-tokens.lifetime:PT12H}") Duration lifetime,
            SignInPage page) {
        this.minter = new TokenMinter(TokenKeys.loadOrCreate(keyDir));
        this.lifetime = lifetime;
        this.page = page;
    }

    @PostMapping(PageSecurity.SIGN_IN)
    String signIn(
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String teams,
            @RequestParam(defaultValue = "MEMBER") String role,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String problem = problem(subject.trim(), teams, role);
        if (problem != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", problem);
            return page.render(model, subject, teams, role);
        }
        OkrUser person = new OkrUser(subject.trim(), subject.trim(), teamsOf(teams), Set.of(Role.valueOf(role)));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new DevSignInAuthentication(person, minter.mint(person, lifetime)));
        SecurityContextHolder.setContext(context);
        // a new session id and CSRF token after sign-in: nothing fixed before it carries over
        request.getSession(true);
        request.changeSessionId();
        csrfTokens.saveToken(null, request, response);
        contexts.saveContext(context, request, response);
        SavedRequest saved = savedRequests.getRequest(request, response);
        savedRequests.removeRequest(request, response);
        return "redirect:" + (saved == null ? "/" : localPath(saved.getRedirectUrl()));
    }

    private static String problem(String subject, String teams, String role) {
        if (!SUBJECT.matcher(subject).matches()) {
            return "subject: 1 to 100 letters, digits or . _ @ - (no spaces), such as ana or ana@example.com";
        }
        if (Arrays.stream(Role.values()).noneMatch(r -> r.name().equals(role))) {
            return "role: one of " + Arrays.toString(Role.values());
        }
        Set<String> named = teamsOf(teams);
        if (named.size() > 50 || named.stream().anyMatch(t -> !TEAM.matcher(t).matches())) {
            return "teams: up to 50 team names separated by commas, each letters, digits, spaces or . _ -";
        }
        return null;
    }

    private static Set<String> teamsOf(String teams) {
        Set<String> named = new LinkedHashSet<>();
        for (String team : teams.split(",")) {
            if (!team.isBlank()) {
                named.add(team.trim());
            }
        }
        return named;
    }

    /** Only back to a page of this service: a saved request is ours, but never trust a full URL blindly. */
    private static String localPath(String url) {
        URI uri = URI.create(url);
        String path = uri.getRawPath() == null || uri.getRawPath().isBlank() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
