package dev.okrledger.notifier.alert;

import java.util.UUID;

/** Filters of the alert list; null means any. {@code open} covers OPEN and ACKNOWLEDGED. */
record AlertFilter(UUID cycleId, String team, UUID keyResultId, Severity severity, StatusFilter status) {

    enum StatusFilter {
        OPEN,
        ACKNOWLEDGED,
        RESOLVED
    }
}
