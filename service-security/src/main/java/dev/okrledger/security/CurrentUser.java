package dev.okrledger.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The user of the current request, read from its validated token. */
public final class CurrentUser {

    private CurrentUser() {}

    /** @throws IllegalStateException outside an authenticated request (a bug: the filter chain guards every API path) */
    public static OkrUser get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return fromClaims(token.getToken());
        }
        throw new IllegalStateException("No authenticated user in this request");
    }

    static OkrUser fromClaims(Jwt jwt) {
        return fromClaims(jwt.getClaims());
    }

    /** The person named by a token's or an ID token's claims: {@code sub}, {@code name}, {@code teams}, {@code roles}. */
    public static OkrUser fromClaims(Map<String, Object> claims) {
        String subject = String.valueOf(claims.get("sub"));
        Object name = claims.get("name");
        return new OkrUser(
                subject,
                name == null || name.toString().isBlank() ? subject : name.toString(),
                new HashSet<>(strings(claims.get("teams"))),
                roles(strings(claims.get("roles"))));
    }

    static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException unknown) {
                // a role this system does not know grants nothing
            }
        }
        return roles;
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return claim == null ? List.of() : List.of(String.valueOf(claim).split("[ ,]+"));
    }
}
