package dev.okrledger.tools.benchmark;

import dev.okrledger.tools.client.ApiClient;
import dev.okrledger.tools.client.Organisation.KeyResultRef;
import dev.okrledger.tools.client.Progress;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Check-in load: as fast as the system takes it, and at a fixed offered rate. */
final class LoadPhases {

    record Saturation(long accepted, long failed, double seconds, Latencies latencies) {
        double perSecond() {
            return accepted / seconds;
        }
    }

    /** @param answeredAt nanoTime-free wall clock (epoch micros) at which each check-in got its 201 */
    record Offered(long sent, long accepted, double seconds, Latencies latencies, Map<UUID, Long> answeredAt) {}

    private final ApiClient api;
    private final String commandUrl;
    private final List<KeyResultRef> keyResults;

    LoadPhases(ApiClient api, String commandUrl, List<KeyResultRef> keyResults) {
        this.api = api;
        this.commandUrl = commandUrl;
        this.keyResults = keyResults;
    }

    Saturation saturate(int threads, Duration time) throws InterruptedException {
        return saturate(threads, time, "saturation");
    }

    /** {@code threads} clients sending check-ins back to back for {@code time}; {@code phase} names it in progress lines. */
    Saturation saturate(int threads, Duration time, String phase) throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + time.toNanos();
        Progress progress = new Progress(phase + ": " + threads + " clients for " + time.toSeconds() + " s", 0);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    KeyResultRef kr = keyResults.get(random.nextInt(keyResults.size()));
                    long before = System.nanoTime();
                    int status = checkIn(kr.id(), UUID.randomUUID(), 50 + random.nextInt(20), 5 + random.nextInt(5));
                    if (status == 201) {
                        latencies.add(System.nanoTime() - before);
                        progress.report(accepted.incrementAndGet());
                    } else {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(time.toSeconds() + 60, TimeUnit.SECONDS);
        return new Saturation(accepted.get(), failed.get(), (System.nanoTime() - started) / 1e9, latencies);
    }

    /**
     * Offers {@code rate} check-ins a second; every second check-in of a key result drops its
     * confidence from 8 to 4, so half of them raise an alert.
     */
    Offered offer(int rate, Duration time) throws InterruptedException {
        Latencies latencies = new Latencies();
        Map<UUID, Long> answeredAt = new ConcurrentHashMap<>();
        AtomicLong accepted = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        long total = (long) rate * time.toSeconds();
        Progress progress =
                new Progress("offered load: " + rate + " check-ins/s for " + time.toSeconds() + " s", total);
        ExecutorService senders = Executors.newFixedThreadPool(Math.max(8, rate / 20));
        long started = System.nanoTime();
        long intervalNanos = 1_000_000_000L / rate;
        for (long i = 0; i < total; i++) {
            long due = started + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            senders.submit(() -> {
                int n = next.getAndIncrement();
                KeyResultRef kr = keyResults.get((n / 2) % keyResults.size());
                int confidence = n % 2 == 0 ? 8 : 4;
                UUID checkInId = UUID.randomUUID();
                long before = System.nanoTime();
                if (checkIn(kr.id(), checkInId, 60, confidence) == 201) {
                    latencies.add(System.nanoTime() - before);
                    answeredAt.put(checkInId, epochMicros());
                    progress.report(accepted.incrementAndGet());
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(120, TimeUnit.SECONDS);
        return new Offered(total, accepted.get(), (System.nanoTime() - started) / 1e9, latencies, answeredAt);
    }

    static long epochMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    private int checkIn(UUID keyResult, UUID checkInId, int value, int confidence) {
        return api.post(commandUrl + "/api/key-results/" + keyResult + "/check-ins", """
                {"checkInId":"%s","value":%d,"confidence":%d}""".formatted(
                                checkInId, value, confidence))
                .status();
    }
}
