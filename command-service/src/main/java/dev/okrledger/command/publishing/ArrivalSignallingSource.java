package dev.okrledger.command.publishing;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the publisher reads it, with streams that say when new events arrive.
 * <p>
 * Axon's pooled processor asks its stream for an "events available" callback; the embedded event
 * store's streams have none, so the processor looks again every 500 ms, and a check-in waited up to
 * half a second before it was published (docs/performance.md, phase 5). Each stream opened here
 * keeps a second, notice-only stream on the same store from its head: it reads nothing from the
 * database itself (it follows the store's shared cache of new events, which a local commit fills at
 * once and other instances' commits within the store's fetch delay) and calls the callback when new
 * events have come. The events themselves still come from the processor's own stream, and its token.
 */
final class ArrivalSignallingSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ArrivalSignallingSource.class);

    private final StreamableMessageSource<TrackedEventMessage<?>> store;

    ArrivalSignallingSource(StreamableMessageSource<TrackedEventMessage<?>> store) {
        this.store = store;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new SignallingStream(store.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    private final class SignallingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> events;
        private volatile Thread watcher;
        private volatile boolean closed;

        private SignallingStream(BlockingStream<TrackedEventMessage<?>> events) {
            this.events = events;
        }

        @Override
        public synchronized boolean setOnAvailableCallback(Runnable callback) {
            if (closed || watcher != null) {
                return watcher != null;
            }
            // opened here, not in the thread: every event stored after this call is told of
            BlockingStream<TrackedEventMessage<?>> arrivals = store.openStream(store.createHeadToken());
            Thread thread = new Thread(() -> watch(arrivals, callback), "kafka-publisher-arrivals");
            thread.setDaemon(true);
            watcher = thread;
            thread.start();
            return true;
        }

        private void watch(BlockingStream<TrackedEventMessage<?>> arrivals, Runnable callback) {
            try (arrivals) {
                while (!closed) {
                    if (arrivals.hasNextAvailable(1, TimeUnit.SECONDS) && !closed) {
                        do { // a burst wakes the processor once, not once per event
                            arrivals.nextAvailable();
                        } while (arrivals.hasNextAvailable());
                        callback.run();
                    }
                }
            } catch (InterruptedException closing) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // the processor falls back to looking for events at its own pace (its claim interval)
                log.warn("No longer told of new events: {}", e.toString());
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return events.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return events.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return events.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            events.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            synchronized (this) {
                closed = true;
                if (watcher != null) {
                    watcher.interrupt();
                }
            }
            events.close();
        }
    }
}
