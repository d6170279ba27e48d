package dev.okrledger.command.people;

import java.util.List;

/** What may happen to a person of the directory. People are named by their subject (the token's {@code sub}). */
public final class PersonCommands {

    private PersonCommands() {}

    /**
     * The signed-in person's own record, from their token's claims, at every sign-in. A null field is a
     * claim the token does not carry: it changes nothing (an admin's value stays).
     *
     * @param teams null when the token has no {@code teams} claim
     */
    public record SyncFromClaims(
            String subject, String displayName, String email, String timeZone, List<String> teams) {}

    /** An admin sets a person's details as a whole. Null e-mail or time zone: none. */
    public record EditPerson(
            String subject,
            String displayName,
            String email,
            String timeZone,
            List<String> teams,
            List<String> leads,
            Long expectedVersion) {}

    /** An admin sets the owner handles (free key-result owners such as {@code support-lead}) that name this person. */
    public record LinkHandles(String subject, List<String> handles, Long expectedVersion) {}
}
