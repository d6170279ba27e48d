package dev.okrledger.intake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** How a consumer of {@code okr.events} reacts when a record cannot be taken in. */
public final class IntakeErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(IntakeErrorHandling.class);

    private IntakeErrorHandling() {
    }

    /**
     * A record that is not an event envelope can never succeed: it is logged and skipped (by
     * {@link EventIntake#acceptBatch}, or here for single-record listeners). Every other failure
     * (database down, a deadlock) makes the batch be delivered again after a growing pause, for ever,
     * so no event is silently lost and the consumer resumes where it stopped.
     */
    public static DefaultErrorHandler retryForeverSkipPoison() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, e) -> log.error("Skipping record at {}-{}@{} that is not an event envelope",
                        record.topic(), record.partition(), record.offset(), e),
                backOff);
        handler.addNotRetryableExceptions(IllegalArgumentException.class);
        return handler;
    }
}
