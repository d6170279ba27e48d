package dev.okrledger.security;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The firewall's rule for header names and values, as {@link StrictHttpFirewall} has it (every code
 * point assigned and no control character; a tab allowed in values), checked with a loop: the
 * firewall applies it at every header read, and its regex over the bearer token was 6 % of the
 * system's CPU samples at saturation (docs/performance.md).
 */
final class PrintableText {

    private PrintableText() {}

    static StrictHttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(PrintableText::isHeaderName);
        firewall.setAllowedHeaderValues(PrintableText::isHeaderValue);
        return firewall;
    }

    static boolean isHeaderName(String name) {
        return allAssignedAndNotControl(name, false);
    }

    static boolean isHeaderValue(String value) {
        return allAssignedAndNotControl(value, true);
    }

    private static boolean allAssignedAndNotControl(String text, boolean tabAllowed) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            boolean allowed = Character.isDefined(codePoint) && !Character.isISOControl(codePoint)
                    || tabAllowed && codePoint == '\t';
            if (!allowed) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
