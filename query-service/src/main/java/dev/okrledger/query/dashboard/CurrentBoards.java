package dev.okrledger.query.dashboard;

import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.intake.EventProjection;
import dev.okrledger.query.board.Board;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The present board of a cycle, computed once and shared by every reader until an event is
 * projected (any event: the next batch invalidates all boards) or {@code okr.dashboard.max-age}
 * passes (expected progress and staleness move with the clock). Boards "as of" a past moment are
 * never cached here. Many leaders opening the same dashboard cost one board, not one each.
 */
@Component
class CurrentBoards implements EventProjection {

    private record Cached(Board board, long version, Instant computedAt) {
    }

    private final AtomicLong version = new AtomicLong();
    private final Map<UUID, Cached> boards = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration maxAge;

    CurrentBoards(Clock clock, @Value("${okr.dashboard.max-age:PT1S}") Duration maxAge) {
        this.clock = clock;
        this.maxAge = maxAge;
    }

    Board get(UUID cycleId, Supplier<Board> compute) {
        long seen = version.get();
        Instant now = clock.instant();
        Cached cached = boards.get(cycleId);
        if (cached != null && cached.version() == seen && !cached.computedAt().plus(maxAge).isBefore(now)) {
            return cached.board();
        }
        Board board = compute.get();
        boards.put(cycleId, new Cached(board, seen, now));
        return board;
    }

    /** Invalidates once the projecting transaction has committed, so no reader caches a board older than it. */
    @Override
    public void project(EventEnvelope envelope) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    version.incrementAndGet();
                }
            });
        } else {
            version.incrementAndGet();
        }
    }
}
