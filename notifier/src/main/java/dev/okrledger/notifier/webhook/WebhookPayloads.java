package dev.okrledger.notifier.webhook;

import dev.okrledger.contract.event.EventCodec;
import dev.okrledger.notifier.alert.Alert;
import dev.okrledger.notifier.alert.AlertChange;

import java.util.Map;

/** The two bodies a subscriber can ask for. */
final class WebhookPayloads {

    private WebhookPayloads() {}

    static String render(WebhookFormat format, AlertChange change, String keyResultTitle) {
        return switch (format) {
            case JSON -> EventCodec.mapper().writeValueAsString(change);
            case TEXT -> EventCodec.mapper().writeValueAsString(Map.of("text", text(change, keyResultTitle)));
        };
    }

    /** One line a person can act on: what, where, why, and its id for the REST API. */
    static String text(AlertChange change, String keyResultTitle) {
        Alert alert = change.alert();
        String what = switch (change.change()) {
            case RAISED -> "raised";
            case ACKNOWLEDGED -> "acknowledged by " + change.changedBy();
            case RESOLVED -> "resolved (" + change.changedBy() + ")";
        };
        String title = keyResultTitle == null ? alert.keyResultId().toString() : "\"" + keyResultTitle + "\"";
        return "[%s] %s %s on %s%s: %s (alert %s)"
                .formatted(
                        alert.severity(),
                        alert.kind(),
                        what,
                        title,
                        alert.team() == null ? "" : " (team " + alert.team() + ")",
                        alert.detail(),
                        alert.id());
    }
}
