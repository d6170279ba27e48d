package dev.okrledger.notifier.webhook;

import java.time.Instant;
import java.util.UUID;

/** One alert change for one subscription, in the delivery queue. */
public record Delivery(
        long id,
        UUID subscriptionId,
        UUID alertId,
        String change,
        String url,
        String payload,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        Instant enqueuedAt,
        Instant deliveredAt,
        String lastError) {}
