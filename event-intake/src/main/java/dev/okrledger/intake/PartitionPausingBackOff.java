package dev.okrledger.intake;

import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.BackOffHandler;
import org.springframework.kafka.listener.DefaultBackOffHandler;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Waits before the next try of an event of unknown type by pausing only its partition, so the
 * consumer's other partitions go on meanwhile (spring-kafka's default sleeps the whole consumer).
 * Any other wait is left to the default.
 */
final class PartitionPausingBackOff implements BackOffHandler {

    private final BackOffHandler otherwise = new DefaultBackOffHandler();

    @Override
    public void onNextBackOff(MessageListenerContainer container, Exception exception, long nextBackOff) {
        UnknownEventType unknown = UnknownEventType.in(exception);
        if (container == null || unknown == null) {
            otherwise.onNextBackOff(container, exception, nextBackOff);
            return;
        }
        TopicPartition partition = unknown.partition();
        container.pausePartition(partition);
        CompletableFuture.runAsync(
                () -> container.resumePartition(partition),
                CompletableFuture.delayedExecutor(nextBackOff, TimeUnit.MILLISECONDS));
    }
}
