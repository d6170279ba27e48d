package dev.okrledger.query.rebuild;

import java.time.Instant;

/**
 * Where the latest rebuild stands.
 *
 * @param eventsTotal     events in the log when last looked (grows if events keep arriving)
 * @param eventsPerSecond mean rate since the start
 * @param etaSeconds      remaining events at the mean rate; null when unknown
 */
public record RebuildStatus(
        State state,
        Instant startedAt,
        Instant finishedAt,
        long eventsDone,
        long eventsTotal,
        double eventsPerSecond,
        Long etaSeconds,
        String error) {

    public enum State {
        IDLE,
        RUNNING,
        COMPLETED,
        FAILED
    }

    static RebuildStatus idle() {
        return new RebuildStatus(State.IDLE, null, null, 0, 0, 0, null, null);
    }
}
