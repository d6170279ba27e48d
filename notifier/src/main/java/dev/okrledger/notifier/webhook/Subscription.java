package dev.okrledger.notifier.webhook;

import java.time.Instant;
import java.util.UUID;

/** Where to send the changes of a team's or a key result's alerts (exactly one of the two). */
public record Subscription(
        UUID id,
        String url,
        String team,
        UUID keyResultId,
        WebhookFormat format,
        Instant createdAt,
        String createdBy) {}
