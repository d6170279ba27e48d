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
     * Records that are not event envelopes never reach here: {@link EventIntake#acceptBatch} logs and
     * skips them. Every failure that does (database down, a deadlock, a bug in a projection) makes the
     * batch be delivered again after a growing pause, for ever, so no event is silently lost and the
     * consumer resumes where it stopped.
     */
    public static DefaultErrorHandler retryForever() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(30_000);
        return new DefaultErrorHandler(
                (record, e) -> log.error("Gave up on record {}-{}@{}", record.topic(), record.partition(),
                        record.offset(), e),
                backOff);
    }
}
