package dev.okrledger.tools.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady check-in load, as many clients would send: a fixed number a second whatever the answers
 * (each request on its own, so a hanging one does not slow the next), every second check-in of a
 * key result dropping its confidence from 8 to 4 so that alerts are raised and resolved throughout.
 * Keeps every check-in answered 201 and counts answers by status ({@value #NO_ANSWER}: none, the
 * connection was refused, broken or timed out). A line of progress every five seconds.
 */
final class CheckInLoad implements AutoCloseable {

    static final int NO_ANSWER = 599;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String commandUrl;
    private final String bearer;
    private final List<UUID> keyResults;
    private final Map<UUID, Long> acknowledged = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Thread pacer;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;

    CheckInLoad(String commandUrl, String token, List<UUID> keyResults, int perSecond, String label) {
        this.commandUrl = commandUrl;
        this.bearer = "Bearer " + token;
        this.keyResults = keyResults;
        this.pacer = new Thread(() -> pace(perSecond, label), "fault-load");
        pacer.setDaemon(true);
        pacer.start();
    }

    private void pace(int perSecond, String label) {
        long started = System.nanoTime();
        long interval = 1_000_000_000L / perSecond;
        long nextReport = started + TimeUnit.SECONDS.toNanos(5);
        try {
            for (long n = 0; running; n++) {
                long wait = started + n * interval - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                send(n);
                if (System.nanoTime() >= nextReport) {
                    nextReport += TimeUnit.SECONDS.toNanos(5);
                    Suite.say(String.format(
                            "  %s: %3.0f s, sent %d, answered %s, waiting %d",
                            label, (System.nanoTime() - started) / 1e9, sent.get(), statusCounts(), inFlight.get()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    private void send(long n) {
        UUID keyResult = keyResults.get((int) (n % keyResults.size()));
        UUID checkInId = UUID.randomUUID();
        int confidence = (n / keyResults.size()) % 2 == 0 ? 8 : 4;
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(commandUrl + "/api/key-results/" + keyResult + "/check-ins"))
                .header("Content-Type", "application/json")
                .header("Authorization", bearer)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"checkInId":"%s","value":60,"confidence":%d,"decision":"keep going"}""".formatted(checkInId, confidence)))
                .build();
        sent.incrementAndGet();
        inFlight.incrementAndGet();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            int status = failure != null ? NO_ANSWER : response.statusCode();
            if (status == 201) {
                long now = System.currentTimeMillis();
                acknowledged.put(checkInId, now);
            }
            byStatus.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            inFlight.decrementAndGet();
        });
    }

    /** Check-ins answered 201 so far, with the wall-clock millisecond of their answer. */
    Map<UUID, Long> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    Set<UUID> acknowledgedIds() {
        return Set.copyOf(acknowledged.keySet());
    }

    /** Wall-clock millisecond of the first 201 at or after {@code since}, or 0. */
    long firstAcknowledgedAfter(long since) {
        return acknowledged.values().stream()
                .filter(at -> at >= since)
                .mapToLong(Long::longValue)
                .min()
                .orElse(0);
    }

    Map<Integer, Long> statusCounts() {
        Map<Integer, Long> counts = new TreeMap<>();
        byStatus.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    long sent() {
        return sent.get();
    }

    /** Stops sending and waits (at most 40 s) for the answers still out. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        stopped.await();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }
}
