package dev.okrledger.tools.client;

import java.time.Duration;

/** Progress lines on standard output, at most one every five seconds per phase. */
public final class Progress {

    public static final long INTERVAL_NANOS = 5_000_000_000L;

    private final String phase;
    private final long total;
    private final long started = System.nanoTime();
    private long lastPrinted = System.nanoTime();
    private boolean finished;

    public Progress(String phase, long total) {
        this.phase = phase;
        this.total = total;
        System.out.printf("[benchmark] %s ...%n", phase);
    }

    public synchronized void report(long done) {
        long now = System.nanoTime();
        boolean last = total > 0 && done >= total;
        if (finished || (now - lastPrinted < INTERVAL_NANOS && !last)) {
            return;
        }
        finished = last;
        lastPrinted = now;
        double elapsed = (now - started) / 1e9;
        double rate = done / Math.max(elapsed, 1e-3);
        String eta = total > 0 && rate > 0
                ? " ETA " + Duration.ofSeconds((long) ((total - done) / rate)).toSeconds() + " s"
                : "";
        System.out.printf(
                "[benchmark]   %s: %d%s done, %.0f/s%s%n", phase, done, total > 0 ? "/" + total : "", rate, eta);
    }

    public static void say(String message) {
        System.out.println("[benchmark] " + message);
    }
}
