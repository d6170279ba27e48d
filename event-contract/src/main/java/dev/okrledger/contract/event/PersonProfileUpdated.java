package dev.okrledger.contract.event;

/**
 * A person's name, e-mail or time zone changed (from new claims at a sign-in, or by an admin). Carries
 * all three as they are now.
 *
 * @param email    null when the person has none
 * @param timeZone an IANA zone id, or null when unknown
 */
public record PersonProfileUpdated(String subject, String displayName, String email, String timeZone)
        implements OkrEvent {

    @Override
    public String partitionKey() {
        return subject;
    }
}
