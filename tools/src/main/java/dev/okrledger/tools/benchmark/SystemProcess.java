package dev.okrledger.tools.benchmark;

import dev.okrledger.embedded.FreePorts;
import dev.okrledger.launcher.OkrLedger;
import dev.okrledger.launcher.Service;
import dev.okrledger.tools.client.Progress;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The system under test as its own process: the embedded default ({@code okr-ledger.jar
 * --data-dir=…}) started as a child JVM with a heap bound, on free ports, so the benchmark's
 * clients do not share its JVM and their CPU is not counted as the system's. PostgreSQL runs as
 * that JVM's server process (it detaches: found by its data directory), Kafka inside it.
 */
final class SystemProcess implements AutoCloseable {

    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final Path gcLog;
    private final int postgresPort;
    private final int kafkaPort;
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    private final String heap;

    private SystemProcess(
            Process process,
            Path dataDir,
            Path log,
            Path gcLog,
            int postgresPort,
            int kafkaPort,
            Map<Service, Integer> ports,
            String heap) {
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
        this.gcLog = gcLog;
        this.postgresPort = postgresPort;
        this.kafkaPort = kafkaPort;
        this.ports.putAll(ports);
        this.heap = heap;
    }

    /**
     * Starts {@code java -Xmx<heap> -jar okr-ledger.jar --data-dir=<work>/system} ({@code systemJar}
     * when this JVM runs from the tools' jar, else the launcher's main class on this JVM's class path)
     * and waits until all three services answer their health check. {@code profiled} keeps whole
     * stacks in flight recordings.
     */
    static SystemProcess start(Path work, String heap, boolean profiled, Path systemJar)
            throws IOException, InterruptedException {
        Path dataDir = work.resolve("system");
        Path log = work.resolve("system.log");
        Path gcLog = work.resolve("system-gc.log");
        // Kafka's controller listens on the port after the broker's
        int[] free = FreePorts.withAdjacentPair(Service.values().length + 1);
        int kafkaPort = free[0];
        int postgresPort = free[1];
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, free[service.ordinal() + 2]);
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx" + heap);
        // the collector's own log: peak heap before each collection, for figure 6
        command.add("-Xlog:gc:file=" + gcLog.toAbsolutePath());
        if (profiled) {
            // Spring's stacks are deeper than JFR's default 64 frames: keep them whole for the summary
            command.add("-XX:FlightRecorderOptions:stackdepth=256");
        }
        command.addAll(launch(systemJar));
        command.add("--data-dir=" + dataDir.toAbsolutePath());
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("OKR_POSTGRES_PORT", Integer.toString(postgresPort));
        env.put("OKR_KAFKA_PORT", Integer.toString(kafkaPort));
        env.put("OKR_COMMAND_PORT", Integer.toString(ports.get(Service.COMMAND)));
        env.put("OKR_QUERY_PORT", Integer.toString(ports.get(Service.QUERY)));
        env.put("OKR_NOTIFIER_PORT", Integer.toString(ports.get(Service.NOTIFIER)));
        env.put("OKR_DASHBOARD_PORT", Integer.toString(ports.get(Service.DASHBOARD)));
        Progress.say("starting the system under test: " + String.join(" ", command) + " (log: " + log + ")");
        SystemProcess system =
                new SystemProcess(builder.start(), dataDir, log, gcLog, postgresPort, kafkaPort, ports, heap);
        try {
            system.awaitHealthy(Duration.ofMinutes(3));
        } catch (RuntimeException | InterruptedException e) {
            system.close();
            throw e;
        }
        return system;
    }

    /**
     * {@code -jar okr-ledger.jar} when this JVM runs from the tools' jar (whose class path is that jar
     * alone), else the launcher's main class on the same class path (tests, an IDE).
     */
    private static List<String> launch(Path systemJar) {
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
            if (!Files.isRegularFile(systemJar)) {
                throw new IllegalStateException(
                        "No " + systemJar.toAbsolutePath() + ": build with ./mvnw -q -DskipTests"
                                + " package and run from the repository root (or --system-jar=JAR)");
            }
            return List.of("-jar", systemJar.toAbsolutePath().toString());
        }
        return List.of("-cp", classPath, OkrLedger.class.getName());
    }

    private void awaitHealthy(Duration patience) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + patience.toNanos();
        long started = System.nanoTime();
        for (Service service : Service.values()) {
            while (!healthy(http, baseUrl(service) + "/actuator/health")) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "the system under test exited with " + process.exitValue() + "; see " + log);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "the system under test was not up within " + patience + "; see " + log);
                }
                Thread.sleep(500);
            }
        }
        Progress.say(String.format(
                "system under test up after %.1f s (pid %d, heap bound %s)",
                (System.nanoTime() - started) / 1e9, process.pid(), heap));
    }

    private static boolean healthy(HttpClient http, String url) throws InterruptedException {
        try {
            return http.send(
                                    HttpRequest.newBuilder(URI.create(url))
                                            .timeout(Duration.ofSeconds(5))
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    long pid() {
        return process.pid();
    }

    String heap() {
        return heap;
    }

    String baseUrl(Service service) {
        return "http://localhost:" + ports.get(service);
    }

    /**
     * Where the dashboard's pages are served (sign-in, the board): the one place that says so in the
     * tools: the dashboard service renders them.
     */
    String pagesUrl() {
        return baseUrl(Service.DASHBOARD);
    }

    int port(Service service) {
        return ports.get(service);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + database;
    }

    String bootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    /** Where the system keeps its token key pair; the benchmark mints its admin token with it. */
    Path keyDir() {
        return dataDir.resolve("keys");
    }

    Path gcLog() {
        return gcLog;
    }

    /** The PostgreSQL server process (postmaster) of the system, from its pid file. */
    Optional<Long> postgresPid() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Stops the system as Ctrl+C would (its shutdown hook stops the services, Kafka and PostgreSQL). */
    @Override
    public void close() throws InterruptedException {
        Optional<Long> postgres = postgresPid();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        // a hard stop leaves PostgreSQL running: it is not our child
        postgres.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroy);
    }
}
