package dev.okrledger.contract.event;

import java.util.List;

/**
 * A person came into the people directory, from their identity provider's claims at their first
 * sign-in. People are keyed by {@code subject}, the provider's {@code sub}.
 *
 * @param email    null when the provider gave none
 * @param timeZone an IANA zone id such as {@code Europe/Berlin}, or null when unknown
 * @param teams    the teams the person is a member of
 * @param leads    the teams the person leads (set by admins)
 */
public record PersonRegistered(
        String subject, String displayName, String email, String timeZone, List<String> teams, List<String> leads)
        implements OkrEvent {

    public PersonRegistered {
        teams = NameSets.of(teams);
        leads = NameSets.of(leads);
    }

    @Override
    public String partitionKey() {
        return subject;
    }
}
