package dev.okrledger.tools.faults;

import dev.okrledger.command.CommandServiceApplication;
import dev.okrledger.dashboard.DashboardApplication;
import dev.okrledger.embedded.EmbeddedKafka;
import dev.okrledger.embedded.EmbeddedPostgresServer;
import dev.okrledger.embedded.FreePorts;
import dev.okrledger.launcher.Service;
import dev.okrledger.launcher.ServiceSettings;
import dev.okrledger.notifier.NotifierApplication;
import dev.okrledger.query.QueryServiceApplication;
import dev.okrledger.security.TokenKeys;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The system the faults are injected into: PostgreSQL and the Kafka broker in this JVM (so the
 * suite can stop and start them on the same data and ports), and each service as a process of its
 * own, started from its executable jar with the settings the {@code infra} mode writes.
 */
final class FaultSystem implements AutoCloseable {

    private static final Duration START_PATIENCE = Duration.ofSeconds(180);

    private final FaultOptions options;
    private final Path work;
    private final Path keys;
    private EmbeddedPostgresServer postgres;
    private EmbeddedKafka kafka;
    /** The services the suite runs and hurts: the dashboard only renders pages from their APIs. */
    static final List<Service> SERVICES = List.of(Service.COMMAND, Service.QUERY, Service.NOTIFIER);

    private final Map<Service, Path> settings = new EnumMap<>(Service.class);
    private final Map<Service, ServiceProcess> primaries = new EnumMap<>(Service.class);
    private final List<ServiceProcess> extras = new ArrayList<>();
    private final Set<Integer> portsGiven = new HashSet<>();
    private boolean closed;

    private FaultSystem(FaultOptions options, Path work) {
        this.options = options;
        this.work = work;
        this.keys = work.resolve("keys");
    }

    /** Starts PostgreSQL, Kafka and one process of each service, and waits until all are healthy. */
    static FaultSystem start(FaultOptions options, Path work) throws Exception {
        FaultSystem system = new FaultSystem(options, work);
        try {
            system.postgres = EmbeddedPostgresServer.start(work.resolve("postgres"), system.freePort(), true);
            system.kafka = EmbeddedKafka.start(work.resolve("kafka"), 0);
            TokenKeys.loadOrCreate(system.keys);
            Files.createDirectories(work.resolve("services"));
            for (Service service : SERVICES) {
                system.postgres.ensureDatabase(service.database());
                system.settings.put(service, system.writeSettings(service));
            }
            // the command service first: it creates the topics the others subscribe to
            system.primaries.put(Service.COMMAND, system.launch(Service.COMMAND, system.nameOf(Service.COMMAND, 1)));
            system.primaries.get(Service.COMMAND).awaitHealthy(START_PATIENCE);
            for (Service consumer : List.of(Service.QUERY, Service.NOTIFIER)) {
                system.primaries.put(consumer, system.launch(consumer, system.nameOf(consumer, 1)));
            }
            for (Service consumer : List.of(Service.QUERY, Service.NOTIFIER)) {
                system.primaries.get(consumer).awaitHealthy(START_PATIENCE);
            }
            return system;
        } catch (Exception e) {
            system.close();
            throw e;
        }
    }

    Path keys() {
        return keys;
    }

    String baseUrl(Service service) {
        return primaries.get(service).baseUrl();
    }

    String jdbcUrl(Service service) {
        return postgres.jdbcUrl(service.database());
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    ServiceProcess primary(Service service) {
        return primaries.get(service);
    }

    /**
     * Peak resident memory of each running service process since it started, by process name: the
     * services as they run in production, one JVM each (with this suite's JVM options).
     */
    Map<String, Long> peakResidentMiB() {
        Map<String, Long> peaks = new LinkedHashMap<>();
        primaries.values().forEach(p -> p.peakResidentMiB().ifPresent(mib -> peaks.put(p.name(), mib)));
        return peaks;
    }

    /** A second process of {@code service}, in the same consumer group or on the same event store. */
    ServiceProcess startAnother(Service service) throws InterruptedException {
        ServiceProcess another = launch(service, nameOf(service, extras.size() + 2));
        extras.add(another);
        another.awaitHealthy(START_PATIENCE);
        return another;
    }

    void stopPostgres() throws IOException {
        postgres.close();
    }

    void startPostgres() {
        postgres = postgres.startAgain();
    }

    void stopKafka() {
        kafka.close();
    }

    void startKafka() {
        kafka = kafka.startAgain();
    }

    /** Every service process alive and answering UP. */
    boolean allHealthy() {
        return primaries.values().stream().allMatch(p -> p.isAlive() && p.isHealthy());
    }

    private ServiceProcess launch(Service service, String name) {
        ServiceProcess process = new ServiceProcess(
                name, freePort(), launchCommand(service), settings.get(service), work.resolve(name + ".log"));
        process.start();
        return process;
    }

    private String nameOf(Service service, int instance) {
        return service.title() + "-" + instance;
    }

    private List<String> launchCommand(Service service) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // small heaps and the quick compiler: five JVMs share two cores with the database and the broker
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Daxoniq.update-checker.disabled=true",
                "-Ddisable-axoniq-console-message=true"));
        if (options.launch().equals("classpath")) {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass(service)));
        } else {
            command.addAll(List.of("-jar", executableJar(service).toString()));
        }
        return command;
    }

    private static String mainClass(Service service) {
        return switch (service) {
            case COMMAND -> CommandServiceApplication.class.getName();
            case QUERY -> QueryServiceApplication.class.getName();
            case NOTIFIER -> NotifierApplication.class.getName();
            case DASHBOARD -> DashboardApplication.class.getName();
        };
    }

    private Path executableJar(Service service) {
        Path target = options.jarsDir().resolve(service.title()).resolve("target");
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, service.title() + "-*-exec.jar")) {
            for (Path jar : jars) {
                return jar.toAbsolutePath();
            }
        } catch (IOException e) {
            // reported below
        }
        throw new IllegalStateException("No " + service.title() + "-*-exec.jar in " + target.toAbsolutePath()
                + ": build with ./mvnw -q -DskipTests package and run from the repository root (or --jars-dir=DIR)");
    }

    private Path writeSettings(Service service) throws IOException {
        List<String> lines = new ArrayList<>();
        new ServiceSettings(
                        service,
                        postgres.jdbcUrl(service.database()),
                        postgres.username(),
                        kafka.bootstrapServers(),
                        "okr.events",
                        "okr.alerts",
                        keys)
                .properties()
                .forEach((key, value) -> lines.add(key + "=" + value));
        // operators' logs stay readable: one line per outage, not a stack trace a second
        lines.add("logging.level.org.apache.kafka=ERROR");
        return Files.write(work.resolve("services").resolve(service.title() + ".properties"), lines);
    }

    /**
     * A free port none of this system's processes was given: a process just launched may not listen
     * yet, and the operating system may hand its port out again. Processes may be launched from
     * several threads at once (a rebalance starts two).
     */
    private synchronized int freePort() {
        int port = FreePorts.one();
        while (!portsGiven.add(port)) {
            port = FreePorts.one();
        }
        return port;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        extras.forEach(ServiceProcess::stop);
        // consumers first, so nothing is mid-way when the producer goes
        for (Service service : List.of(Service.NOTIFIER, Service.QUERY, Service.COMMAND)) {
            if (primaries.containsKey(service)) {
                primaries.get(service).stop();
            }
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the suite is ending anyway
            }
        }
    }
}
