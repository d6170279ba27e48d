package dev.okrledger.notifier.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code okr.webhooks.*}: attempt n (1-based) that fails waits initialBackoff × multiplier^(n−1),
 * at most maxBackoff; after maxAttempts the delivery goes to the dead-letter list.
 */
@ConfigurationProperties("okr.webhooks")
record WebhookSettings(
        Duration pollInterval,
        Duration initialBackoff,
        double multiplier,
        Duration maxBackoff,
        int maxAttempts,
        Duration connectTimeout,
        Duration requestTimeout) {

    WebhookSettings {
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(5) : initialBackoff;
        multiplier = multiplier <= 0 ? 2.0 : multiplier;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(10) : maxBackoff;
        maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(5) : requestTimeout;
    }

    /** Wait after the {@code attempts}-th failed attempt. */
    Duration backoffAfter(int attempts) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, attempts - 1);
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }
}
