package dev.okrledger.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The user of the current request, read from its validated token. */
public final class CurrentUser {

    private CurrentUser() {
    }

    /** @throws IllegalStateException outside an authenticated request (a bug: the filter chain guards every API path) */
    public static OkrUser get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return fromClaims(token.getToken());
        }
        throw new IllegalStateException("No authenticated user in this request");
    }

    static OkrUser fromClaims(Jwt jwt) {
        String name = jwt.getClaimAsString("name");
        return new OkrUser(jwt.getSubject(), name == null || name.isBlank() ? jwt.getSubject() : name,
                new HashSet<>(strings(jwt.getClaim("teams"))), roles(strings(jwt.getClaim("roles"))));
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
