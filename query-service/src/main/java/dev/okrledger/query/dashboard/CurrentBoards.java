package dev.okrledger.query.dashboard;

import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.intake.EventProjection;
import dev.okrledger.query.board.Board;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The present board of a cycle, computed once and shared by every reader until an event is
 * projected (any event: the next batch invalidates all boards) or {@code okr.dashboard.max-age}
 * passes (expected progress and staleness move with the clock). An event makes the next reader wait
 * for the new board; when only the clock moved, readers get the board they have while the next one is
 * computed aside (decision 0020). Boards "as of" a past moment are never cached here. Many leaders
 * opening the same dashboard cost one board, not one each.
 */
@Component
class CurrentBoards implements EventProjection {

    /** @param derived what readers made of this board (serialised pages), dropped with it */
    private record Cached(Board board, long version, Instant computedAt, Map<Object, Object> derived) {
        Cached(Board board, long version, Instant computedAt) {
            this(board, version, computedAt, new ConcurrentHashMap<>());
        }
    }

    /** At most this many derived things (pages × filters) are kept per board. */
    private static final int DERIVED_LIMIT = 512;

    private static final Logger log = LoggerFactory.getLogger(CurrentBoards.class);

    /** A board older than this many max-ages is recomputed while the reader waits (the aside refresh is stuck). */
    private static final int STALE_LIMIT = 10;

    private final AtomicLong version = new AtomicLong();
    private final Set<UUID> refreshing = ConcurrentHashMap.newKeySet();
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "current-boards-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<UUID, Cached> boards = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration maxAge;

    CurrentBoards(Clock clock, @Value("${okr.dashboard.max-age:PT1S}") Duration maxAge) {
        this.clock = clock;
        this.maxAge = maxAge;
    }

    Board get(UUID cycleId, Supplier<Board> compute) {
        return current(cycleId, compute).board();
    }

    /**
     * Something made of the present board, such as a serialised page, made once per board and
     * {@code key}: readers of the same page share it until the board is replaced.
     */
    @SuppressWarnings("unchecked")
    <T> T derived(UUID cycleId, Supplier<Board> compute, Object key, Function<Board, T> derive) {
        Cached cached = current(cycleId, compute);
        Object known = cached.derived().get(key);
        if (known != null) {
            return (T) known;
        }
        T made = derive.apply(cached.board());
        if (cached.derived().size() < DERIVED_LIMIT) {
            cached.derived().put(key, made);
        }
        return made;
    }

    private Cached current(UUID cycleId, Supplier<Board> compute) {
        long seen = version.get();
        Instant now = clock.instant();
        Cached cached = boards.get(cycleId);
        if (cached != null && cached.version() == seen) {
            if (cached.computedAt().plus(maxAge).isBefore(now)) {
                if (cached.computedAt().plus(maxAge.multipliedBy(STALE_LIMIT)).isBefore(now)) {
                    return computed(cycleId, compute, seen, now);
                }
                // only the clock moved on: answer this board and compute the next one aside, so no reader
                // waits for a recompute that no event asked for
                refreshAside(cycleId, compute, seen);
            }
            return cached;
        }
        return computed(cycleId, compute, seen, now);
    }

    private Cached computed(UUID cycleId, Supplier<Board> compute, long seen, Instant now) {
        Cached fresh = new Cached(compute.get(), seen, now);
        keep(cycleId, fresh);
        return fresh;
    }

    private void refreshAside(UUID cycleId, Supplier<Board> compute, long seen) {
        if (!refreshing.add(cycleId)) {
            return;
        }
        try {
            refresher.execute(() -> {
                try {
                    Instant started = clock.instant();
                    keep(cycleId, new Cached(compute.get(), seen, started));
                } catch (RuntimeException e) {
                    // the board we have stays; the next reader after max-age tries again
                    log.warn("Refreshing the board of cycle {} failed", cycleId, e);
                } finally {
                    refreshing.remove(cycleId);
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            refreshing.remove(cycleId);
        }
    }

    /** Never replaces a board computed after a later event with one from before it. */
    private void keep(UUID cycleId, Cached fresh) {
        boards.merge(cycleId, fresh, (old, candidate) -> old.version() > candidate.version() ? old : candidate);
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
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
