package dev.okrledger.query.people;

import dev.okrledger.security.OkrUser;
import dev.okrledger.security.Role;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A person of the directory as the API answers it.
 *
 * @param email   null when there is none, or when the reader may not see it ({@link #seenBy})
 * @param teams   the teams the person is a member of
 * @param leads   the teams the person leads
 * @param handles the key-result owner handles that name this person
 * @param version the person's version on the command side (for {@code If-Match})
 */
public record PersonView(
        String subject,
        String displayName,
        String email,
        String timeZone,
        List<String> teams,
        List<String> leads,
        List<String> handles,
        long version,
        Instant registeredAt,
        Instant updatedAt) {

    /**
     * The person as {@code reader} may see them: the e-mail address is for the person, admins, OKR leads
     * and members of a team the person is in or leads; everything else is for everyone signed in.
     */
    public PersonView seenBy(OkrUser reader) {
        return email == null || mayReadEmail(reader)
                ? this
                : new PersonView(
                        subject, displayName, null, timeZone, teams, leads, handles, version, registeredAt, updatedAt);
    }

    private boolean mayReadEmail(OkrUser reader) {
        if (reader.subject().equals(subject) || reader.isLeadOrAdmin()) {
            return true;
        }
        if (reader.roles().equals(Set.of(Role.MEASUREMENT_SOURCE))) {
            return false; // a machine feeding values; its teams claim makes it no member
        }
        return teams.stream().anyMatch(reader::isMemberOf) || leads.stream().anyMatch(reader::isMemberOf);
    }
}
