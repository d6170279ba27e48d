package dev.okrledger.tools.benchmark;

import dev.okrledger.tools.client.ApiClient;
import dev.okrledger.tools.client.Organisation;
import dev.okrledger.tools.client.Organisation.KeyResultRef;
import dev.okrledger.tools.client.Progress;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Concurrent dashboard and KR-history readers on the query service. */
final class Readers {

    record Result(Latencies dashboard, Latencies history, long errors) {}

    private Readers() {}

    static Result run(ApiClient api, String queryUrl, Organisation org, int readers, Duration time)
            throws InterruptedException {
        Latencies dashboard = new Latencies();
        Latencies history = new Latencies();
        AtomicLong errors = new AtomicLong();
        AtomicLong reads = new AtomicLong();
        Progress progress = new Progress("readers: " + readers + " clients for " + time.toSeconds() + " s", 0);
        List<KeyResultRef> keyResults = org.keyResults;
        long end = System.nanoTime() + time.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        for (int r = 0; r < readers; r++) {
            boolean dashboards = r % 2 == 0;
            pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    String url = dashboards
                            ? queryUrl + "/api/cycles/" + org.cycleId + "/dashboard?size=50&page=" + random.nextInt(10)
                            : queryUrl + "/api/key-results/"
                                    + keyResults
                                            .get(random.nextInt(keyResults.size()))
                                            .id() + "/confidence-history";
                    long before = System.nanoTime();
                    int status = api.get(url).status();
                    if (status == 200) {
                        (dashboards ? dashboard : history).add(System.nanoTime() - before);
                        progress.report(reads.incrementAndGet());
                    } else {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(time.toSeconds() + 60, TimeUnit.SECONDS);
        return new Result(dashboard, history, errors.get());
    }
}
