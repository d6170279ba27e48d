package dev.okrledger.command.support;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.List;

/** The user of a test that calls handlers without HTTP, on the thread as the filter chain would put them. */
public final class SignedIn {

    private SignedIn() {}

    public static void as(String subject, List<String> teams, List<String> roles) {
        Jwt token = Jwt.withTokenValue("t")
                .header("alg", "none")
                .subject(subject)
                .claim("teams", teams)
                .claim("roles", roles)
                .build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(token));
    }

    public static void asAdmin() {
        as("ana", List.of(), List.of("ADMIN"));
    }

    public static void out() {
        SecurityContextHolder.clearContext();
    }
}
