package dev.okrledger.query.rebuild;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** Progress of the running rebuild, for the status endpoint, the log and the {@code okr.rebuild.*} gauges. */
@Component
class RebuildProgress {

    private static final Logger log = LoggerFactory.getLogger(RebuildProgress.class);
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);

    private final AtomicReference<RebuildStatus> status = new AtomicReference<>(RebuildStatus.idle());
    private final Clock clock;
    private volatile Instant lastLog = Instant.EPOCH;

    RebuildProgress(Clock clock, MeterRegistry meters) {
        this.clock = clock;
        Gauge.builder("okr.rebuild.running", () -> status.get().state() == RebuildStatus.State.RUNNING ? 1 : 0)
                .description("1 while a read-model rebuild runs")
                .register(meters);
        Gauge.builder("okr.rebuild.events.done", () -> status.get().eventsDone())
                .register(meters);
        Gauge.builder("okr.rebuild.events.expected", () -> status.get().eventsTotal())
                .register(meters);
        Gauge.builder("okr.rebuild.events.rate", () -> status.get().eventsPerSecond())
                .description("events per second, mean since the start")
                .register(meters);
        Gauge.builder(
                        "okr.rebuild.eta",
                        () -> status.get().etaSeconds() == null
                                ? Double.NaN
                                : status.get().etaSeconds())
                .baseUnit("seconds")
                .register(meters);
    }

    RebuildStatus current() {
        return status.get();
    }

    /** @return false when a rebuild is already running */
    boolean start(long total) {
        RebuildStatus previous = status.get();
        if (previous.state() == RebuildStatus.State.RUNNING) {
            return false;
        }
        return status.compareAndSet(
                previous,
                new RebuildStatus(RebuildStatus.State.RUNNING, clock.instant(), null, 0, total, 0, null, null));
    }

    void advance(long done, long total) {
        RebuildStatus s = status.get();
        double seconds =
                Math.max(0.001, Duration.between(s.startedAt(), clock.instant()).toMillis() / 1000.0);
        double rate = done / seconds;
        Long eta = rate > 0 ? (long) Math.ceil((total - done) / rate) : null;
        status.set(new RebuildStatus(RebuildStatus.State.RUNNING, s.startedAt(), null, done, total, rate, eta, null));
        if (Duration.between(lastLog, clock.instant()).compareTo(LOG_EVERY) >= 0) {
            lastLog = clock.instant();
            log.info(
                    "Rebuild: {}/{} events ({}%), {} events/s, ETA {} s",
                    done, total, total == 0 ? 100 : done * 100 / total, Math.round(rate), eta);
        }
    }

    void completed() {
        RebuildStatus s = status.get();
        status.set(new RebuildStatus(
                RebuildStatus.State.COMPLETED,
                s.startedAt(),
                clock.instant(),
                s.eventsDone(),
                s.eventsDone(),
                s.eventsPerSecond(),
                0L,
                null));
        log.info(
                "Rebuild completed: {} events in {}", s.eventsDone(), Duration.between(s.startedAt(), clock.instant()));
    }

    void failed(Exception e) {
        RebuildStatus s = status.get();
        status.set(new RebuildStatus(
                RebuildStatus.State.FAILED,
                s.startedAt(),
                clock.instant(),
                s.eventsDone(),
                s.eventsTotal(),
                s.eventsPerSecond(),
                null,
                e.toString()));
        log.error("Rebuild failed after {} events; the old read models stay in place", s.eventsDone(), e);
    }
}
