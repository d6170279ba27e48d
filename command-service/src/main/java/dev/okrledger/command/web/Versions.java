package dev.okrledger.command.web;

import dev.okrledger.command.shared.InvalidInput;
import org.springframework.http.ResponseEntity;

/**
 * Aggregate versions over HTTP: a client sends the version its change is based on as
 * {@code If-Match}; the answer carries the new version as {@code ETag}.
 */
public final class Versions {

    private Versions() {}

    /** Parses {@code If-Match: "7"} (or 7, or W/"7"); null when absent. */
    public static Long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String digits = ifMatch.strip().replace("W/", "").replace("\"", "");
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new InvalidInput(
                    "if-match-is-a-version", "If-Match", "If-Match must be an aggregate version such as \"7\"");
        }
    }

    /** 200 with the new version in the body and as ETag. */
    public static ResponseEntity<VersionAnswer> answer(long version) {
        return ResponseEntity.ok().eTag("\"" + version + "\"").body(new VersionAnswer(version));
    }
}
