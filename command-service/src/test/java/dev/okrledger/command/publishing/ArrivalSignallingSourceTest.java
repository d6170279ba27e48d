package dev.okrledger.command.publishing;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ArrivalSignallingSourceTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final ArrivalSignallingSource source = new ArrivalSignallingSource(store);

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void tellsTheReaderWhenAnEventIsStoredAndTheEventComesFromItsOwnStream() throws InterruptedException {
        store.publish(GenericEventMessage.asEventMessage("stored before"));
        AtomicInteger told = new AtomicInteger();
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            assertThat(stream.setOnAvailableCallback(told::incrementAndGet)).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("stored before");
            assertThat(stream.hasNextAvailable()).isFalse();

            store.publish(GenericEventMessage.asEventMessage("checked in"));

            await().atMost(Duration.ofSeconds(10)).until(() -> told.get() == 1);
            assertThat(stream.hasNextAvailable()).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("checked in");
        }
    }

    @Test
    void aClosedStreamTellsNothingMore() {
        AtomicInteger toldClosed = new AtomicInteger();
        AtomicInteger toldOpen = new AtomicInteger();
        BlockingStream<TrackedEventMessage<?>> closed = source.openStream(null);
        closed.setOnAvailableCallback(toldClosed::incrementAndGet);
        try (BlockingStream<TrackedEventMessage<?>> open = source.openStream(null)) {
            open.setOnAvailableCallback(toldOpen::incrementAndGet);
            closed.close();

            store.publish(GenericEventMessage.asEventMessage("checked in"));

            await().atMost(Duration.ofSeconds(10)).until(() -> toldOpen.get() == 1);
            assertThat(toldClosed).hasValue(0);
        }
    }

    @Test
    void tokensAreTheStoresOwn() {
        store.publish(GenericEventMessage.asEventMessage("one"));

        assertThat(source.createHeadToken()).isEqualTo(store.createHeadToken());
        assertThat(source.createTailToken()).isEqualTo(store.createTailToken());
    }
}
