package dev.okrledger.command.people;

import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * The two rules a person's details keep, written once: the web layer answers them as 400 naming the
 * field ({@link IanaTimeZone}, {@link EmailAddress}), and the person refuses them whatever sent them.
 */
public final class PersonalDetails {

    /** Something, an at sign, a domain with a dot; no spaces. What a mail server then accepts is its business. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private static final int EMAIL_MAX = 254;

    private PersonalDetails() {}

    /** A zone of the IANA time zone database such as {@code Europe/Berlin} (or {@code UTC}); offsets like {@code +02:00} are not. */
    public static boolean isIanaTimeZone(String zone) {
        return zone != null && ZoneId.getAvailableZoneIds().contains(zone);
    }

    public static boolean isEmailAddress(String email) {
        return email != null
                && email.length() <= EMAIL_MAX
                && EMAIL.matcher(email).matches();
    }
}
