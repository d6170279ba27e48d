package dev.okrledger.query.dashboard;

import dev.okrledger.query.board.Board;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The present board is shared until an event (readers wait for the new one) or the clock moves on (nobody waits). */
class CurrentBoardsTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-05-01T10:00:00Z"));
    private final CurrentBoards boards = new CurrentBoards(clock, Duration.ofSeconds(1));
    private final UUID cycle = UUID.randomUUID();
    private final AtomicInteger computed = new AtomicInteger();
    private final Supplier<Board> compute = () -> new Board(null, null, computed.incrementAndGet(), List.of());

    @AfterEach
    void stop() {
        boards.stop();
    }

    @Test
    void readersShareOneBoardUntilMaxAge() {
        Board first = boards.get(cycle, compute);

        assertThat(boards.get(cycle, compute)).isSameAs(first);
        assertThat(computed).hasValue(1);
    }

    @Test
    void afterMaxAgeTheReaderGetsTheBoardItHasWhileTheNextIsComputedAside() {
        Board first = boards.get(cycle, compute);
        clock.advance(Duration.ofMillis(1500));

        assertThat(boards.get(cycle, compute)).isSameAs(first);
        await().atMost(Duration.ofSeconds(5)).until(() -> boards.get(cycle, compute) != first);
        assertThat(computed).hasValue(2);
        assertThat(boards.get(cycle, compute).expectedProgress()).isEqualTo(2.0);
    }

    @Test
    void anEventMakesTheNextReaderWaitForTheNewBoard() {
        Board first = boards.get(cycle, compute);

        boards.project(null);

        Board next = boards.get(cycle, compute);
        assertThat(next).isNotSameAs(first);
        assertThat(next.expectedProgress()).isEqualTo(2.0);
    }

    @Test
    void aBoardFarOlderThanMaxAgeIsNeverServed() {
        Board first = boards.get(cycle, compute);
        clock.advance(Duration.ofSeconds(30));

        assertThat(boards.get(cycle, compute)).isNotSameAs(first);
        assertThat(computed).hasValue(2);
    }

    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
