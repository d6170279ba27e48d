package dev.okrledger.tools.benchmark;

import dev.okrledger.embedded.EmbeddedKafka;
import dev.okrledger.embedded.EmbeddedPostgresServer;
import dev.okrledger.launcher.EmbeddedSystem;
import dev.okrledger.launcher.Service;
import dev.okrledger.tools.client.ApiClient;
import dev.okrledger.tools.client.Organisation;
import dev.okrledger.tools.client.Progress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code okr-ledger-tools.jar benchmark-scaling}: one instance against two, on this machine. Commands:
 * check-ins accepted per second at saturation through one command-service instance, then spread
 * over two. Consumers: with the query service and the notifier stopped, a backlog is written; then
 * one instance of each (later two, started together) drains it, timed until their group's lag is 0.
 * Takes the benchmark's options ({@code --objectives}, {@code --saturation-seconds}, …).
 */
public final class ScalingBenchmark {

    private ScalingBenchmark() {}

    public static void run(BenchmarkOptions options) throws Exception {
        Path work = Files.createTempDirectory(options.workDir(), "okr-scaling");
        Progress.say("data in " + work);
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(work.resolve("postgres"), 0, true);
                EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"), 0)) {
            Path keys = work.resolve("keys");
            EmbeddedSystem system = Benchmark.quietSystem(postgres, kafka, keys);
            try (system) {
                system.startAll();
                run(options, system, postgres, kafka, keys);
            }
        }
    }

    private static void run(
            BenchmarkOptions options,
            EmbeddedSystem system,
            EmbeddedPostgresServer postgres,
            EmbeddedKafka kafka,
            Path keys)
            throws Exception {
        // sampled once the services made their tables
        try (LagSampler lag = new LagSampler(
                postgres.jdbcUrl("okr_command"), kafka.bootstrapServers(), "okr.events", LagSampler.INTAKE_GROUPS)) {
            ApiClient api = Benchmark.adminClient(keys);
            Organisation org = Organisation.build(api, system.baseUrl(Service.COMMAND), options.organisation());
            measure(options, system, api, org, lag);
        }
    }

    private static void measure(
            BenchmarkOptions options, EmbeddedSystem system, ApiClient api, Organisation org, LagSampler lag)
            throws Exception {
        int threads = options.saturationThreads();
        Duration time = options.saturationTime();
        List<String> lines = new ArrayList<>();

        double oneCommand = saturate(api, List.of(system.baseUrl(Service.COMMAND)), org, threads, time);
        awaitDrained(lag);
        try (EmbeddedSystem.Instance second = system.startAnother(Service.COMMAND)) {
            double twoCommands =
                    saturate(api, List.of(system.baseUrl(Service.COMMAND), second.baseUrl()), org, threads, time);
            lines.add(row("check-ins accepted/s at saturation (" + threads + " clients)", oneCommand, twoCommands));
        }
        awaitDrained(lag);

        double[] oneConsumer = drain(options, system, api, org, lag, 1);
        double[] twoConsumers = drain(options, system, api, org, lag, 2);
        lines.add(row("query-service backlog drained, events/s", oneConsumer[0], twoConsumers[0]));
        lines.add(row("notifier backlog drained, events/s", oneConsumer[1], twoConsumers[1]));

        System.out.printf("%n%-52s %11s %11s%n", "figure", "1 instance", "2 instances");
        lines.forEach(System.out::println);
        System.out.printf(
                "(%d cores; every instance, PostgreSQL, Kafka and the load generator share them)%n%n",
                Runtime.getRuntime().availableProcessors());
    }

    private static String row(String figure, double one, double two) {
        return String.format("%-52s %11.0f %11.0f", figure, one, two);
    }

    /** Check-ins/s accepted with {@code threads} clients spread evenly over the given command services. */
    private static double saturate(ApiClient api, List<String> commands, Organisation org, int threads, Duration time)
            throws Exception {
        List<CompletableFuture<LoadPhases.Saturation>> runs = new ArrayList<>();
        for (String command : commands) {
            LoadPhases load = new LoadPhases(api, command, org.keyResults);
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return load.saturate(threads / commands.size(), time);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }));
        }
        double perSecond = 0;
        for (var run : runs) {
            perSecond += run.get().perSecond();
        }
        return perSecond;
    }

    /**
     * Stops the consumers, writes a backlog of check-ins, starts {@code instances} instances of each
     * consumer at once and returns the events per second each group drained (query, notifier).
     */
    private static double[] drain(
            BenchmarkOptions options,
            EmbeddedSystem system,
            ApiClient api,
            Organisation org,
            LagSampler lag,
            int instances)
            throws Exception {
        system.stop(Service.QUERY);
        system.stop(Service.NOTIFIER);
        saturate(
                api,
                List.of(system.baseUrl(Service.COMMAND)),
                org,
                options.saturationThreads(),
                options.saturationTime());
        while (last(lag).publisherLag() > 0) {
            Thread.sleep(500);
        }
        Thread.sleep(1_500);
        Map<String, Long> backlog = last(lag).consumerLag();
        Progress.say("backlog " + backlog + "; starting " + instances + " instance(s) of each consumer");
        long started = System.nanoTime();
        List<EmbeddedSystem.Instance> extra = new ArrayList<>();
        List<CompletableFuture<?>> starts = new ArrayList<>(List.of(
                CompletableFuture.runAsync(() -> system.start(Service.QUERY)),
                CompletableFuture.runAsync(() -> system.start(Service.NOTIFIER))));
        for (int i = 1; i < instances; i++) {
            starts.add(CompletableFuture.runAsync(() -> add(extra, system.startAnother(Service.QUERY))));
            starts.add(CompletableFuture.runAsync(() -> add(extra, system.startAnother(Service.NOTIFIER))));
        }
        CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).get();
        double upAfter = (System.nanoTime() - started) / 1e9;
        // timed from the sample where the group's lag first fell to the sample where it reached 0
        double[] consumingSince = new double[LagSampler.INTAKE_GROUPS.size()];
        double[] seconds = new double[LagSampler.INTAKE_GROUPS.size()];
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (seconds[0] == 0 || seconds[1] == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the consumers did not drain the backlog in 5 minutes");
            }
            LagSampler.Sample sample = last(lag);
            for (int g = 0; g < LagSampler.INTAKE_GROUPS.size(); g++) {
                long now = sample.consumerLag().getOrDefault(LagSampler.INTAKE_GROUPS.get(g), Long.MAX_VALUE);
                if (consumingSince[g] == 0 && now < backlog.get(LagSampler.INTAKE_GROUPS.get(g))) {
                    consumingSince[g] = sample.atSecond() - 1; // it began within the second before
                }
                if (consumingSince[g] > 0 && seconds[g] == 0 && now == 0) {
                    seconds[g] = sample.atSecond() - consumingSince[g];
                }
            }
            Thread.sleep(200);
        }
        extra.forEach(EmbeddedSystem.Instance::close);
        Progress.say(String.format(
                "up after %.1f s; drained in %.1f s (query) and %.1f s (notifier) once consuming",
                upAfter, seconds[0], seconds[1]));
        return new double[] {
            backlog.get(LagSampler.INTAKE_GROUPS.get(0)) / seconds[0],
            backlog.get(LagSampler.INTAKE_GROUPS.get(1)) / seconds[1]
        };
    }

    private static synchronized void add(List<EmbeddedSystem.Instance> instances, EmbeddedSystem.Instance instance) {
        instances.add(instance);
    }

    private static LagSampler.Sample last(LagSampler lag) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<LagSampler.Sample> samples = lag.samples();
        while (samples.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no lag sample in 30 s");
            }
            Thread.sleep(200);
            samples = lag.samples();
        }
        return samples.get(samples.size() - 1);
    }

    private static void awaitDrained(LagSampler lag) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            LagSampler.Sample sample = last(lag);
            if (sample.publisherLag() == 0
                    && sample.consumerLag().values().stream().allMatch(v -> v == 0)) {
                return;
            }
            Thread.sleep(500);
        }
    }
}
