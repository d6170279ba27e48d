package dev.okrledger.command.people;

import dev.okrledger.command.people.PersonCommands.SyncFromClaims;
import dev.okrledger.security.CurrentUser;
import dev.okrledger.security.OkrUser;

import java.util.List;
import java.util.Map;

/**
 * What a token says about the person who signed in: {@code sub}; {@code name}, else
 * {@code preferred_username}; {@code email}; {@code zoneinfo}; {@code teams} read as every permission
 * reads it. Who leads a team is no claim here: admins set it.
 */
final class SignInClaims {

    private SignInClaims() {}

    static SyncFromClaims read(Map<String, Object> claims) {
        OkrUser user = CurrentUser.fromClaims(claims);
        String name = text(claims, "name");
        return new SyncFromClaims(
                user.subject(),
                name != null ? name : text(claims, "preferred_username"),
                text(claims, "email"),
                text(claims, "zoneinfo"),
                claims.containsKey("teams") ? List.copyOf(user.teams()) : null);
    }

    private static String text(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        return value == null || value.toString().isBlank()
                ? null
                : value.toString().strip();
    }
}
