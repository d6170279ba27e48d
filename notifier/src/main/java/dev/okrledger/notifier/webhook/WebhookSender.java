package dev.okrledger.notifier.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Works through the delivery queue: each due delivery is claimed (row lock, skipped by other
 * instances), POSTed with timeouts, and marked delivered, rescheduled with exponential backoff, or
 * dead. A crash after the receiver answered but before the commit sends it again: receivers
 * deduplicate on (alert.id, change).
 */
@Component
class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final WebhookStore store;
    private final TransactionTemplate transactions;
    private final WebhookSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer latency;
    private final HttpClient http;

    WebhookSender(
            WebhookStore store,
            TransactionTemplate transactions,
            WebhookSettings settings,
            Clock clock,
            MeterRegistry meters) {
        this.store = store;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
        this.latency = Timer.builder("okr.webhooks.delivery.latency")
                .description("From the alert change to the receiver's 2xx")
                .register(meters);
        // registered at zero, so that the first dead delivery shows as an increase in Prometheus
        for (String outcome : List.of("delivered", "failed", "dead")) {
            meters.counter("okr.webhooks.deliveries", "outcome", outcome);
        }
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Scheduled(fixedDelayString = "${okr.webhooks.poll-interval:PT1S}")
    void poll() {
        try {
            while (Boolean.TRUE.equals(transactions.execute(status -> sendNext()))) {
                // one transaction per delivery, until nothing is due
            }
        } catch (RuntimeException e) {
            log.warn("Webhook delivery paused: {}", e.toString());
        }
    }

    /** Sends the next due delivery; false when none is due. */
    boolean sendNext() {
        Optional<Delivery> due = store.claimDue(clock.instant());
        if (due.isEmpty()) {
            return false;
        }
        Delivery delivery = due.get();
        int attempts = delivery.attempts() + 1;
        String error = post(delivery);
        Instant now = clock.instant();
        if (error == null) {
            store.delivered(delivery.id(), attempts, now);
            latency.record(Duration.between(delivery.enqueuedAt(), now));
            count("delivered");
        } else if (attempts >= settings.maxAttempts()) {
            store.failed(delivery.id(), attempts, error, null);
            log.warn(
                    "Webhook delivery {} to {} is dead after {} attempts: {}",
                    delivery.id(),
                    delivery.url(),
                    attempts,
                    error);
            count("dead");
        } else {
            store.failed(delivery.id(), attempts, error, now.plus(settings.backoffAfter(attempts)));
            count("failed");
        }
        return true;
    }

    /** Null when the receiver answered 2xx, else what went wrong. */
    private String post(Delivery delivery) {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(delivery.url()))
                            .timeout(settings.requestTimeout())
                            .header("Content-Type", "application/json")
                            .header("X-Okr-Alert-Id", delivery.alertId().toString())
                            .header("X-Okr-Alert-Change", delivery.change())
                            .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (IOException | IllegalArgumentException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private void count(String outcome) {
        meters.counter("okr.webhooks.deliveries", "outcome", outcome).increment();
    }
}
