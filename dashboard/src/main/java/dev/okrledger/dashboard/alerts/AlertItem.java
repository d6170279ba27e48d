package dev.okrledger.dashboard.alerts;

import java.time.Instant;
import java.util.UUID;

/** An alert as the notifier's REST API answers it (the fields the inbox shows). */
public record AlertItem(
        UUID id,
        UUID keyResultId,
        UUID objectiveId,
        UUID cycleId,
        String team,
        String kind,
        String severity,
        Integer fromConfidence,
        Integer toConfidence,
        Instant raisedAt,
        String detail,
        String status,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant resolvedAt,
        String resolvedBy) {

    public boolean resolved() {
        return "RESOLVED".equals(status);
    }

    public boolean acknowledged() {
        return "ACKNOWLEDGED".equals(status);
    }
}
