package dev.okrledger.query.cycle;

import java.time.Instant;

/**
 * A moment of a cycle: which facts a view of it (board, replay, retrospective, export) is built from,
 * and when its clock reads.
 *
 * @param knownAt        only events recorded (envelope occurredAt) up to here count: time travel
 * @param effectiveUntil only check-ins effective up to here count: replay of a past week
 * @param evaluatedAt    the moment expected progress and staleness are judged at
 */
public record Moment(Instant knownAt, Instant effectiveUntil, Instant evaluatedAt) {

    /** Later than any event; PostgreSQL and java.sql both handle it. */
    public static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    public static Moment now(Instant now) {
        return new Moment(LATEST, LATEST, now);
    }

    /** The state as it was known at {@code asOf}: late or backdated check-ins recorded afterwards do not count. */
    public static Moment asOf(Instant asOf) {
        return new Moment(asOf, LATEST, asOf);
    }

    /** The state at {@code at} by effective time, with everything known today (for retrospectives). */
    public static Moment effectiveAt(Instant at) {
        return new Moment(LATEST, at, at);
    }
}
