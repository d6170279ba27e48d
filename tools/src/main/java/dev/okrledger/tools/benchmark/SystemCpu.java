package dev.okrledger.tools.benchmark;

import dev.okrledger.launcher.Service;
import dev.okrledger.tools.client.ProcFs;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time the system under test used between two moments, from {@code /proc}: its JVM (all three
 * services and the Kafka broker) per thread, and its PostgreSQL server per backend. Threads are
 * attributed to a service by name (HTTP threads carry the service's port, consumers their group),
 * PostgreSQL backends by the database they serve, so the figure splits per service.
 */
final class SystemCpu {

    static final String BROKER = "Kafka broker";
    static final String JVM = "JVM (GC, JIT compilers)";
    static final String KAFKA_CLIENTS = "Kafka client I/O (producers, heartbeats)";
    static final String OTHER = "other threads";
    static final String POSTGRES_BACKGROUND = "PostgreSQL background (WAL writer, checkpointer, vacuum)";

    /** CPU ticks per thread or process, with the name it had, at one moment. */
    record Snapshot(
            long nanoTime,
            long jvmTicks,
            Map<Long, Named> jvmThreads,
            long postgresReapedTicks,
            Map<Long, Named> postgresProcesses,
            long benchmarkTicks) {}

    record Named(String name, long ticks) {}

    private final SystemProcess system;
    private final Map<String, Service> httpThreadPrefixes = new HashMap<>();

    SystemCpu(SystemProcess system) {
        this.system = system;
        for (Service service : Service.values()) {
            // the comm name is cut at 15 characters: "http-nio-38081-" still carries the port
            httpThreadPrefixes.put("http-nio-" + system.port(service) + "-", service);
        }
    }

    Snapshot take() {
        long pid = system.pid();
        Map<Long, Named> threads = new HashMap<>();
        for (Path task : ProcFs.threads(pid)) {
            ProcFs.stat(task.resolve("stat"))
                    .ifPresent(s -> threads.put(
                            Long.parseLong(task.getFileName().toString()), new Named(s.name(), s.ownTicks())));
        }
        long jvm = ProcFs.stat(pid).map(ProcFs.Stat::ownTicks).orElse(0L);
        Map<Long, Named> postgres = new HashMap<>();
        long reaped = 0;
        Long postmaster = system.postgresPid().orElse(null);
        if (postmaster != null) {
            ProcFs.Stat main = ProcFs.stat(postmaster).orElse(null);
            if (main != null) {
                postgres.put(postmaster, new Named("postmaster", main.ownTicks()));
                reaped = main.reapedChildrenTicks();
            }
            for (long child : ProcFs.children(postmaster)) {
                String label = postgresLabel(ProcFs.commandLine(child));
                ProcFs.stat(child).ifPresent(s -> postgres.put(child, new Named(label, s.ownTicks())));
            }
        }
        long self = ProcFs.stat(ProcessHandle.current().pid())
                .map(ProcFs.Stat::ownTicks)
                .orElse(0L);
        return new Snapshot(System.nanoTime(), jvm, threads, reaped, postgres, self);
    }

    /** {@code postgres: postgres okr_query 127.0.0.1(…) idle} names its database; others their role. */
    private static String postgresLabel(String commandLine) {
        String[] words = commandLine.replace("postgres: ", "").trim().split("\\s+");
        return words.length >= 2 && words[1].startsWith("okr_") ? words[1] : "background";
    }

    /**
     * CPU milliseconds between the snapshots, in total and per check-in, per service (JVM threads
     * plus PostgreSQL backends of its database) and for the busiest thread groups.
     */
    Map<String, Object> between(Snapshot before, Snapshot after, long checkIns) {
        if (!ProcFs.available()) {
            return Map.of("unavailable", "no /proc on this system");
        }
        Map<String, Long> byGroup = new HashMap<>();
        Map<String, Long> byThreadName = new HashMap<>();
        long threadTicks = 0;
        for (var entry : after.jvmThreads().entrySet()) {
            Named then = before.jvmThreads().get(entry.getKey());
            long used = entry.getValue().ticks() - (then == null ? 0 : then.ticks());
            threadTicks += used;
            byGroup.merge(threadGroup(entry.getValue().name()), used, Long::sum);
            byThreadName.merge(entry.getValue().name().replaceAll("\\d+", "#"), used, Long::sum);
        }
        long jvmTicks = after.jvmTicks() - before.jvmTicks();
        // threads that ended between the snapshots took their time with them
        byGroup.merge(OTHER, Math.max(0, jvmTicks - threadTicks), Long::sum);

        long postgresTicks = after.postgresReapedTicks() - before.postgresReapedTicks();
        for (var entry : after.postgresProcesses().entrySet()) {
            Named then = before.postgresProcesses().get(entry.getKey());
            long used = entry.getValue().ticks() - (then == null ? 0 : then.ticks());
            postgresTicks += used;
            String database = entry.getValue().name();
            byGroup.merge(
                    database.equals("background") || database.equals("postmaster")
                            ? POSTGRES_BACKGROUND
                            : "PostgreSQL " + database,
                    used,
                    Long::sum);
        }
        byGroup.merge(POSTGRES_BACKGROUND, after.postgresReapedTicks() - before.postgresReapedTicks(), Long::sum);

        double seconds = (after.nanoTime() - before.nanoTime()) / 1e9;
        Map<String, Object> cpu = new LinkedHashMap<>();
        cpu.put("seconds", Latencies.round(seconds));
        cpu.put("checkIns", checkIns);
        cpu.put("systemJvmMs", millis(jvmTicks));
        cpu.put("postgresMs", millis(postgresTicks));
        cpu.put("systemCoresBusy", Latencies.round(millis(jvmTicks + postgresTicks) / 1000.0 / seconds));
        cpu.put("benchmarkClientsMs", millis(after.benchmarkTicks() - before.benchmarkTicks()));
        Map<String, Object> perCheckIn = new LinkedHashMap<>();
        perCheckIn.put("systemJvm", perCheckIn(jvmTicks, checkIns));
        perCheckIn.put("postgres", perCheckIn(postgresTicks, checkIns));
        perCheckIn.put("system", perCheckIn(jvmTicks + postgresTicks, checkIns));
        cpu.put("msPerCheckIn", perCheckIn);
        cpu.put("byServiceMsPerCheckIn", byService(byGroup, checkIns));
        cpu.put("busiestThreadsMsPerCheckIn", busiest(byThreadName, checkIns, 12));
        return cpu;
    }

    /** Each service's JVM threads and its database's backends, then the shared parts. */
    private static Map<String, Object> byService(Map<String, Long> byGroup, long checkIns) {
        Map<String, Object> rows = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            long jvm = byGroup.getOrDefault(service.title(), 0L);
            long db = byGroup.getOrDefault("PostgreSQL " + service.database(), 0L);
            rows.put(
                    service.title(),
                    Map.of(
                            "jvm",
                            perCheckIn(jvm, checkIns),
                            "postgres",
                            perCheckIn(db, checkIns),
                            "total",
                            perCheckIn(jvm + db, checkIns)));
        }
        byGroup.entrySet().stream()
                .filter(e -> List.of(BROKER, KAFKA_CLIENTS, JVM, OTHER, POSTGRES_BACKGROUND)
                                .contains(e.getKey())
                        || e.getKey().startsWith("PostgreSQL okr_bench"))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> rows.put(e.getKey(), Map.of("total", perCheckIn(e.getValue(), checkIns))));
        return rows;
    }

    private static Map<String, Object> busiest(Map<String, Long> byName, long checkIns, int limit) {
        Map<String, Object> rows = new LinkedHashMap<>();
        byName.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(limit)
                .forEach(e -> rows.put(e.getKey(), perCheckIn(e.getValue(), checkIns)));
        return rows;
    }

    /** Which part of the system a JVM thread works for, by its (cut) name. */
    String threadGroup(String name) {
        for (var prefix : httpThreadPrefixes.entrySet()) {
            if (name.startsWith(prefix.getKey())) {
                return prefix.getValue().title();
            }
        }
        if (name.startsWith("query-service")) {
            return Service.QUERY.title(); // its consumers: query-service-intake-N-C-1
        }
        if (name.startsWith("notifier")) {
            return Service.NOTIFIER.title();
        }
        if (name.startsWith("command-service")
                || name.startsWith("WorkPackage[")
                || name.startsWith("Coordinator[")
                || name.startsWith("EmbeddedEventSt")) {
            return Service.COMMAND.title(); // Axon's kafka-publisher processor and event store
        }
        if (name.startsWith("kafka-producer") || name.startsWith("kafka-coordinat")) {
            return KAFKA_CLIENTS;
        }
        if (name.startsWith("GC Thread")
                || name.startsWith("G1 ")
                || name.startsWith("C1 Compiler")
                || name.startsWith("C2 Compiler")
                || name.startsWith("VM ")
                || name.startsWith("Sweeper")) {
            return JVM;
        }
        if (name.startsWith("data-plane")
                || name.startsWith("kafka-")
                || name.startsWith("broker-")
                || name.startsWith("controller-")
                || name.startsWith("group-coordinat")
                || name.startsWith("ExpirationReape")
                || name.startsWith("quorum")
                || name.startsWith("raft-")
                || name.startsWith("share-")
                || name.startsWith("transaction-log")
                || name.startsWith("TxnMarker")
                || name.startsWith("AddPartitionsTo")
                || name.startsWith("executor-")
                || name.startsWith("LogDir")
                || name.startsWith("SensorExpiry")
                || name.startsWith("network-partiti")
                || name.startsWith("persister")
                || name.startsWith("PersisterState")
                || name.startsWith("client-metrics")) {
            return BROKER;
        }
        return OTHER;
    }

    private static double millis(long ticks) {
        return ticks * 1000.0 / ProcFs.TICKS_PER_SECOND;
    }

    private static double perCheckIn(long ticks, long checkIns) {
        return checkIns == 0 ? Double.NaN : Math.round(millis(ticks) / checkIns * 1000) / 1000.0;
    }
}
