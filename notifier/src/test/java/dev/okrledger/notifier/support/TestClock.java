package dev.okrledger.notifier.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock, or frozen at a chosen instant while a test needs an exact "now". */
public final class TestClock extends Clock {

    private volatile Instant frozen;

    public void freezeAt(Instant instant) {
        frozen = instant;
    }

    public void unfreeze() {
        frozen = null;
    }

    @Override
    public Instant instant() {
        Instant at = frozen;
        return at != null ? at : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
