package dev.okrledger.notifier.alert;

import java.time.Instant;

/**
 * One state change of an alert, as published on {@code okr.alerts} and in JSON webhooks.
 *
 * @param schema  {@value #SCHEMA}; bumped when the shape changes incompatibly
 * @param alert   the alert after the change
 */
public record AlertChange(String schema, Change change, Instant changedAt, String changedBy, Alert alert) {

    public static final String SCHEMA = "okr.alerts/v1";

    public enum Change {
        RAISED,
        ACKNOWLEDGED,
        RESOLVED
    }

    static AlertChange of(Change change, Instant at, String by, Alert alert) {
        return new AlertChange(SCHEMA, change, at, by, alert);
    }
}
