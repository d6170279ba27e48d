package dev.okrledger.tools.benchmark;

import dev.okrledger.contract.event.EventCodec;
import dev.okrledger.embedded.EmbeddedKafka;
import dev.okrledger.embedded.EmbeddedPostgresServer;
import dev.okrledger.launcher.EmbeddedSystem;
import dev.okrledger.launcher.Service;
import dev.okrledger.security.OkrUser;
import dev.okrledger.security.Role;
import dev.okrledger.security.TokenKeys;
import dev.okrledger.security.TokenMinter;
import dev.okrledger.tools.client.ApiClient;
import dev.okrledger.tools.client.Organisation;
import dev.okrledger.tools.client.Progress;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code okr-ledger-tools.jar benchmark}: starts the embedded default on fresh data as its own process (durable PostgreSQL,
 * real Kafka, all on loopback; {@link SystemProcess}), builds an organisation through the API from
 * this process, measures each figure of docs/performance.md, the CPU the system used per check-in
 * and the raw ceilings of the same engines in the same run, and prints a table and JSON.
 */
public final class Benchmark {

    private Benchmark() {}

    public static void run(BenchmarkOptions options) throws Exception {
        // the clients' Kafka and HTTP libraries would otherwise log every connection here
        LoggingSystem.get(Benchmark.class.getClassLoader()).setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
        Path work = Files.createTempDirectory(options.workDir(), "okr-benchmark");
        Progress.say("data in " + work + "; results to " + options.output().toAbsolutePath());
        long runStarted = System.nanoTime();
        try (SystemProcess system =
                SystemProcess.start(work, options.systemHeap(), options.profile(), options.systemJar())) {
            Map<String, Object> result = run(options, system, work);
            result.put("runSeconds", Math.round((System.nanoTime() - runStarted) / 1e9));
            Report.print(result);
            Files.writeString(
                    options.output(),
                    EventCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
            Progress.say("wrote " + options.output().toAbsolutePath());
        }
        deleteTree(work.resolve("system"));
        Progress.say("kept the system's log (and the recording, with --profile) in " + work);
    }

    /** The three services on the given infrastructure, logging warnings only; not started yet. */
    static EmbeddedSystem quietSystem(EmbeddedPostgresServer postgres, EmbeddedKafka kafka, Path keys) {
        return new EmbeddedSystem(new EmbeddedSystem.Settings(
                postgres,
                kafka,
                Map.of(Service.COMMAND, "okr_command", Service.QUERY, "okr_query", Service.NOTIFIER, "okr_notifier"),
                Map.of(),
                "okr.events",
                "okr.alerts",
                keys,
                List.of("--logging.level.root=WARN", "--logging.level.dev.okrledger=WARN")));
    }

    /**
     * A second saturation phase with a flight recording running, after every measured phase: where
     * the CPU goes. Recording costs the system more than half its rate ({@code settings=profile},
     * whole stacks) and slows it for minutes afterwards, so no figure is taken while or after it
     * runs; its own rate is reported beside the summary.
     */
    private static Map<String, Object> profiledSaturation(
            BenchmarkOptions options, SystemProcess system, LoadPhases load, LagSampler lag, Path work)
            throws Exception {
        CpuProfile profile = CpuProfile.start(system, work.resolve("saturation.jfr"));
        LoadPhases.Saturation recorded = load.saturate(
                options.saturationThreads(), options.saturationTime(), "profiled saturation (not measured)");
        awaitDrained(lag, Duration.ofSeconds(120));
        Map<String, Object> summary = new LinkedHashMap<>(profile.stopAndSummarise());
        summary.put("checkInsPerSecondWhileRecording", Latencies.round(recorded.perSecond()));
        return summary;
    }

    /** A client signed in as an admin called benchmark, with a token from the system's key pair. */
    public static ApiClient adminClient(Path keys) {
        return new ApiClient(new TokenMinter(TokenKeys.loadOrCreate(keys))
                .mint(new OkrUser("benchmark", "Benchmark", Set.of(), Set.of(Role.ADMIN)), Duration.ofHours(6)));
    }

    private static Map<String, Object> run(BenchmarkOptions options, SystemProcess system, Path work) throws Exception {
        String command = system.baseUrl(Service.COMMAND);
        String query = system.baseUrl(Service.QUERY);
        ApiClient api = adminClient(system.keyDir());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("startedAt", Instant.now().toString());
        result.put(
                "machine",
                Map.of(
                        "cores",
                        Runtime.getRuntime().availableProcessors(),
                        "systemHeapBound",
                        system.heap(),
                        "java",
                        System.getProperty("java.version")));
        result.put(
                "options",
                Map.of(
                        "objectives",
                        options.objectives(),
                        "keyResults",
                        options.objectives() * options.keyResultsPerObjective(),
                        "historyPerKeyResult",
                        options.historyPerKeyResult(),
                        "saturationThreads",
                        options.saturationThreads(),
                        "offeredRate",
                        options.offeredRate(),
                        "readers",
                        options.readers(),
                        "boardObjectives",
                        options.boardObjectives()));

        long orgStarted = System.nanoTime();
        Organisation org = Organisation.build(api, command, options.organisation());
        result.put(
                "organisation",
                Map.of(
                        "keyResults",
                        org.keyResults.size(),
                        "commands",
                        org.commandsSent,
                        "seconds",
                        Latencies.round((System.nanoTime() - orgStarted) / 1e9)));

        SystemCpu cpu = new SystemCpu(system);
        SystemMemory memory = new SystemMemory(system);
        LoadPhases load = new LoadPhases(api, command, org.keyResults);
        try (LagSampler lag = eventLag(system);
                Freshness freshness = new Freshness(system.bootstrapServers(), "okr.alerts")) {
            awaitDrained(lag, Duration.ofSeconds(120));
            if (!options.warmupTime().isZero()) {
                // a service serves for days: measure it compiled, not while the JIT is still at work
                LoadPhases.Saturation warmup =
                        load.saturate(options.saturationThreads(), options.warmupTime(), "warm-up");
                result.put(
                        "warmup",
                        Map.of(
                                "seconds",
                                options.warmupTime().toSeconds(),
                                "checkInsPerSecond",
                                Latencies.round(warmup.perSecond())));
                awaitDrained(lag, Duration.ofSeconds(120));
            }
            result.put("idle", idle(cpu));
            SystemCpu.Snapshot before = cpu.take();
            LoadPhases.Saturation saturation = load.saturate(options.saturationThreads(), options.saturationTime());
            SystemCpu.Snapshot saturated = cpu.take();
            awaitDrained(lag, Duration.ofSeconds(120));
            // the work a check-in causes downstream (publisher, consumers) counts too: until drained
            SystemCpu.Snapshot drained = cpu.take();
            Map<String, Object> sat = new LinkedHashMap<>();
            sat.put("checkInsPerSecond", Latencies.round(saturation.perSecond()));
            sat.put("accepted", saturation.accepted());
            sat.put("failed", saturation.failed());
            sat.put("latency", saturation.latencies().summary());
            sat.put("cpuUntilDrained", cpu.between(before, drained, saturation.accepted()));
            sat.put("cpuDuringSaturation", cpu.between(before, saturated, saturation.accepted()));
            result.put("saturation", sat);
            memory.sample();

            SystemCpu.Snapshot offeredStart = cpu.take();
            LoadPhases.Offered offered = load.offer(options.offeredRate(), options.offeredTime());
            awaitDrained(lag, Duration.ofSeconds(60));
            // the CPU window closes when the work is done, before the latencies are read out of the system
            SystemCpu.Snapshot offeredEnd = cpu.take();
            Latencies projection = Freshness.projectionLatencies(
                    system.jdbcUrl("okr_query"), offered.answeredAt(), Duration.ofSeconds(60));
            Latencies alert = freshness.alertLatencies(
                    offered.answeredAt(), (int) (offered.accepted() / 2), Duration.ofSeconds(60));
            Map<String, Object> offeredLoad = new LinkedHashMap<>();
            offeredLoad.put("offeredPerSecond", options.offeredRate());
            offeredLoad.put("achievedPerSecond", Latencies.round(offered.accepted() / offered.seconds()));
            offeredLoad.put("commandLatency", offered.latencies().summary());
            offeredLoad.put("checkInToProjection", projection.summary());
            offeredLoad.put("checkInToAlert", alert.summary());
            offeredLoad.put("cpuUntilDrained", cpu.between(offeredStart, offeredEnd, offered.accepted()));
            result.put("offeredLoad", offeredLoad);
            result.put("lag", lagSummary(lag.samples()));
            memory.sample();
        }

        result.put("rebuild", rebuild(api, query));
        memory.sample();
        Readers.Result reads = Readers.run(api, query, org, options.readers(), options.readTime());
        result.put(
                "queries",
                Map.of(
                        "dashboard",
                        reads.dashboard().summary(),
                        "keyResultHistory",
                        reads.history().summary(),
                        "errors",
                        reads.errors()));
        memory.sample();
        result.put("boardPage", BoardPage.measure(api, command, query, system.pagesUrl(), options));
        result.put("memory", memory.summary());

        int rowBytes = averageEventBytes(system.jdbcUrl("okr_command"));
        RawCeilings.Insert insert =
                RawCeilings.insert(system, rowBytes, options.saturationThreads(), options.ceilingTime());
        Latencies pointReads = RawCeilings.pointReads(system, options.readers(), Duration.ofSeconds(5));
        int recordBytes = averageRecordBytes(rowBytes);
        RawCeilings.KafkaRates rates =
                RawCeilings.kafka(system, recordBytes, options.offeredRate(), options.ceilingTime());
        result.put(
                "ceilings",
                Map.of(
                        "postgresInsertsPerSecond",
                        Latencies.round(insert.perSecond()),
                        "postgresRowBytes",
                        rowBytes,
                        "postgresInsertLatency",
                        insert.latencies().summary(),
                        "postgresPointReadLatency",
                        pointReads.summary(),
                        "kafkaProducePerSecond",
                        Latencies.round(rates.producePerSecond()),
                        "kafkaConsumePerSecond",
                        Latencies.round(rates.consumePerSecond()),
                        "kafkaRecordBytes",
                        recordBytes,
                        "kafkaProduceToConsumeLatency",
                        rates.endToEnd().summary()));
        result.put("ratios", Report.ratios(result));
        if (options.profile()) {
            // last of all: the system runs slower for minutes after a recording (the board page's p50
            // doubled when one ran before it), so no measured phase may follow it
            try (LagSampler lag = eventLag(system)) {
                result.put("profile", profiledSaturation(options, system, load, lag, work));
            }
        }
        return result;
    }

    /**
     * What the system burns with nothing to do (consumers polling, heartbeats, metrics, the compiler
     * finishing the set-up's work): per-check-in figures of slow phases carry this share.
     */
    private static Map<String, Object> idle(SystemCpu cpu) throws InterruptedException {
        Progress.say("measuring the idle system for 5 s");
        SystemCpu.Snapshot start = cpu.take();
        Thread.sleep(5_000);
        Map<String, Object> between = cpu.between(start, cpu.take(), 0);
        Map<String, Object> idle = new LinkedHashMap<>();
        idle.put("seconds", between.get("seconds"));
        idle.put("systemCoresBusy", between.get("systemCoresBusy"));
        return idle;
    }

    /** Publisher and consumer lag of the system's events topic, sampled every second until closed. */
    private static LagSampler eventLag(SystemProcess system) {
        return new LagSampler(
                system.jdbcUrl("okr_command"), system.bootstrapServers(), "okr.events", LagSampler.INTAKE_GROUPS);
    }

    private static void awaitDrained(LagSampler lag, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        double asked = lag.now();
        Progress.say("waiting for publisher and consumers to catch up");
        while (System.nanoTime() < deadline) {
            List<LagSampler.Sample> samples = lag.samples();
            if (!samples.isEmpty()) {
                LagSampler.Sample last = samples.get(samples.size() - 1);
                // a sample from before the question may show a lull in the load, not the end of the work
                if (last.atSecond() >= asked
                        && last.publisherLag() == 0
                        && last.consumerLag().values().stream().allMatch(v -> v == 0)) {
                    return;
                }
            }
            Thread.sleep(500);
        }
    }

    private static Map<String, Object> lagSummary(List<LagSampler.Sample> samples) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("samples", samples.size());
        summary.put(
                "maxPublisherLagEvents",
                samples.stream()
                        .mapToLong(LagSampler.Sample::publisherLag)
                        .max()
                        .orElse(0));
        summary.put(
                "finalPublisherLagEvents",
                samples.isEmpty() ? 0 : samples.get(samples.size() - 1).publisherLag());
        Map<String, Long> maxConsumer = new LinkedHashMap<>();
        Map<String, Long> finalConsumer = new LinkedHashMap<>();
        for (LagSampler.Sample s : samples) {
            s.consumerLag().forEach((group, value) -> maxConsumer.merge(group, value, Math::max));
            finalConsumer.putAll(s.consumerLag());
        }
        summary.put("maxConsumerLagRecords", maxConsumer);
        summary.put("finalConsumerLagRecords", finalConsumer);
        summary.put(
                "series",
                samples.stream()
                        .map(s -> Map.of(
                                "t",
                                Latencies.round(s.atSecond()),
                                "publisher",
                                s.publisherLag(),
                                "consumers",
                                s.consumerLag()))
                        .toList());
        return summary;
    }

    private static Map<String, Object> rebuild(ApiClient api, String queryUrl) throws InterruptedException {
        Progress.say("rebuilding the query service's read models from its event log");
        ApiClient.Answer started = api.post(queryUrl + "/api/admin/rebuild", "");
        if (started.status() != 202) {
            return Map.of("error", "rebuild answered " + started.status() + ": " + started.body());
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        JsonNode status = started.json();
        long lastPrinted = 0;
        while (System.nanoTime() < deadline) {
            status = api.get(queryUrl + "/api/admin/rebuild").json();
            String state = status.get("state").asString();
            if (!state.equals("RUNNING") || System.nanoTime() - lastPrinted >= Progress.INTERVAL_NANOS) {
                lastPrinted = System.nanoTime();
                System.out.printf(
                        "[benchmark]   rebuild: %s %d/%d events, %.0f/s%n",
                        state,
                        status.get("eventsDone").asLong(),
                        status.get("eventsTotal").asLong(),
                        status.get("eventsPerSecond").asDouble());
            }
            if (!state.equals("RUNNING")) {
                break;
            }
            Thread.sleep(500);
        }
        Map<String, Object> rebuild = new LinkedHashMap<>();
        rebuild.put("state", status.get("state").asString());
        rebuild.put("events", status.get("eventsDone").asLong());
        rebuild.put(
                "eventsPerSecond", Latencies.round(status.get("eventsPerSecond").asDouble()));
        return rebuild;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static int averageEventBytes(String commandJdbcUrl) throws Exception {
        try (Connection db = DriverManager.getConnection(commandJdbcUrl, "postgres", "");
                Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(
                        "select avg(octet_length(payload) + octet_length(metadata)) from domainevententry")) {
            rs.next();
            return (int) Math.round(rs.getDouble(1));
        }
    }

    /** An okr.events record carries the event plus its envelope (ids, type, actor, times). */
    private static int averageRecordBytes(int eventBytes) {
        return eventBytes + 300;
    }
}
