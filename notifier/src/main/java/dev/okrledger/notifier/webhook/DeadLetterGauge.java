package dev.okrledger.notifier.webhook;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code okr_webhooks_dead_letters}: deliveries that gave up and wait for someone to look at them
 * and retry. Read from the shared delivery table, so every instance reports the same number.
 */
@Component
class DeadLetterGauge {

    DeadLetterGauge(WebhookStore store, MeterRegistry meters) {
        Gauge.builder("okr.webhooks.dead.letters", store, WebhookStore::deadLetterCount)
                .description("Webhook deliveries that are dead and not yet retried")
                .register(meters);
    }
}
