package dev.okrledger.intake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import java.time.Duration;

/** How a consumer of {@code okr.events} reacts when a record cannot be taken in. */
public final class IntakeErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(IntakeErrorHandling.class);

    private IntakeErrorHandling() {}

    /**
     * Records that are not event envelopes never reach here: {@link EventIntake#acceptBatch} logs and
     * skips them. Every failure that does (database down, a deadlock, a bug in a projection) makes the
     * batch be delivered again after a growing pause, for ever, so no event is silently lost and the
     * consumer resumes where it stopped.
     *
     * <p>An event of a type this build does not know ({@link UnknownEventType}) stops its partition: the
     * records before it are committed, its own offset is not, and it is tried again every
     * {@code unknownTypePause} for ever, its partition paused in between while the consumer's other
     * partitions go on. Only a build that knows the type gets past it, so nothing is lost in an upgrade
     * that reaches the producer first.
     */
    public static DefaultErrorHandler retryForever(Duration unknownTypePause) {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, e) ->
                        log.error("Gave up on record {}-{}@{}", record.topic(), record.partition(), record.offset(), e),
                backOff,
                new PartitionPausingBackOff());
        BackOff untilUpgraded = new FixedBackOff(unknownTypePause.toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS);
        handler.setBackOffFunction((record, e) -> UnknownEventType.in(e) != null ? untilUpgraded : null);
        return handler;
    }
}
