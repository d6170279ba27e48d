package dev.okrledger.launcher;

import dev.okrledger.embedded.EmbeddedKafka;
import dev.okrledger.embedded.EmbeddedPostgresServer;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The embedded default: PostgreSQL, a Kafka broker and the three services in this one JVM, with
 * all data under one folder ({@code ./data} unless {@code --data-dir=...}), so it survives a
 * restart. {@code --demo} loads the sample quarter through the public API once everything is up.
 * The services listen on loopback unless {@code --listen-address} says otherwise ({@link Access}).
 *
 * <p>{@code infra} starts only PostgreSQL and Kafka, for services run as separate processes
 * ({@link InfrastructureOnly}). The options, their defaults and {@code --help} are in
 * {@link OkrLedgerCommand}; the benchmark and the fault suite are tools of their own
 * ({@code okr-ledger-tools.jar}).
 *
 * <p>Ports default to environment variables: {@code OKR_POSTGRES_PORT} (15432), {@code OKR_KAFKA_PORT}
 * (9092, controller on the next port), {@code OKR_COMMAND_PORT} (8081), {@code OKR_QUERY_PORT}
 * (8082), {@code OKR_NOTIFIER_PORT} (8083), {@code OKR_DASHBOARD_PORT} (8080, the pages).
 */
public final class OkrLedger {

    /** What the embedded default runs with: see {@link OkrLedgerCommand} for each option. */
    record Options(
            boolean demo, Path dataDir, int postgresPort, int kafkaPort, Map<Service, Integer> ports, Access access) {}

    private OkrLedger() {}

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        int status = OkrLedgerCommand.commandLine(OkrLedger::runEmbeddedDefault, OkrLedger::runInfrastructureOnly)
                .execute(args);
        // after a start the services keep the JVM running; after --help, or a mistake, it ends here
        if (status != 0) {
            System.exit(status);
        }
    }

    private static void runEmbeddedDefault(Options options) throws Exception {
        boolean demo = options.demo();
        Path dataDir = options.dataDir();

        long started = System.nanoTime();
        log("starting PostgreSQL (data in " + dataDir.resolve("postgres").toAbsolutePath() + ")");
        EmbeddedPostgresServer postgres =
                EmbeddedPostgresServer.start(dataDir.resolve("postgres"), options.postgresPort(), true);
        log("starting Kafka (data in " + dataDir.resolve("kafka").toAbsolutePath() + ")");
        EmbeddedKafka kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), options.kafkaPort());
        EmbeddedSystem system = new EmbeddedSystem(new EmbeddedSystem.Settings(
                postgres,
                kafka,
                Map.of(
                        Service.COMMAND,
                        Service.COMMAND.database(),
                        Service.QUERY,
                        Service.QUERY.database(),
                        Service.NOTIFIER,
                        Service.NOTIFIER.database(),
                        Service.DASHBOARD,
                        Service.DASHBOARD.database()),
                options.ports(),
                "okr.events",
                "okr.alerts",
                dataDir.resolve("keys"),
                List.of(),
                options.access()));
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            log("stopping");
                            system.close();
                            kafka.close();
                            try {
                                postgres.close();
                            } catch (Exception ignored) {
                                // the JVM is going away
                            }
                        },
                        "okr-ledger-shutdown"));
        for (Service service : Service.values()) {
            log("starting " + service.title());
            system.start(service);
        }

        System.out.printf(
                """

                OKR Ledger is up after %.1f s
                  dashboard        %s/   (open it in a browser and pick who you are)
                  command-service  %s   (POST /api/cycles, /api/objectives, /api/key-results/{id}/check-ins, ...)
                  query-service    %s   (GET /api/cycles/{id}/dashboard, /replay, /api/key-results/{id}/detail, ...)
                  notifier         %s   (GET /api/alerts, POST /api/webhooks, ...)
                  metrics          /actuator/prometheus and /actuator/health on each service
                  OpenAPI          /v3/api-docs on each service
                  a token          curl -s -X POST %s/api/dev/tokens -H 'Content-Type: application/json' \\
                                     -d '{"subject":"ana","teams":["support"],"roles":["MEMBER"]}'
                                   then send it as 'Authorization: Bearer <token>' (roles: ADMIN, OKR_LEAD, MEMBER)
                  PostgreSQL       localhost:%d (databases okr_command, okr_query, okr_notifier, okr_dashboard; user postgres)
                  Kafka            %s (topics okr.events, okr.alerts)
                Stop with Ctrl+C; data stays in %s.
                %n""",
                (System.nanoTime() - started) / 1e9,
                system.baseUrl(Service.DASHBOARD),
                system.baseUrl(Service.COMMAND),
                system.baseUrl(Service.QUERY),
                system.baseUrl(Service.NOTIFIER),
                system.baseUrl(Service.COMMAND),
                postgres.port(),
                kafka.bootstrapServers(),
                dataDir.toAbsolutePath());
        options.access().notice().ifPresent(System.out::println);

        if (demo) {
            log("loading the sample quarter");
            DemoLoader loader = new DemoLoader(system.baseUrl(Service.COMMAND));
            DemoLoader.Loaded loaded = loader.load();
            log("waiting for the notifier to take the quarter in, then scanning for missed check-ins");
            int alerts = loader.settleAndScan(system.baseUrl(Service.NOTIFIER));
            System.out.printf(
                    """

                    Demo quarter loaded: cycle %s, %d key results, %d check-ins, %d alerts.
                    See it in a browser: %s/  (sign in as Ana of team support, or anyone you like)
                    The API (every URL needs a token: see 'a token' above):
                      alerts:          %s/api/alerts
                      board (JSON):    %s/api/cycles/%s/dashboard
                      week by week:    %s/api/cycles/%s/replay
                      a KR with a red drop (first response time):
                                       %s/api/key-results/%s/detail
                    %n""",
                    loaded.cycleId(),
                    loaded.keyResultsByRef().size(),
                    loaded.checkIns(),
                    alerts,
                    system.baseUrl(Service.DASHBOARD),
                    system.baseUrl(Service.NOTIFIER),
                    system.baseUrl(Service.QUERY),
                    loaded.cycleId(),
                    system.baseUrl(Service.QUERY),
                    loaded.cycleId(),
                    system.baseUrl(Service.QUERY),
                    loaded.keyResultsByRef().get("frt"));
        }
    }

    /** PostgreSQL and Kafka only; the services run as their own processes (see {@link InfrastructureOnly}). */
    private static void runInfrastructureOnly(InfrastructureOnly.Options options) {
        LoggingSystem logging = LoggingSystem.get(OkrLedger.class.getClassLoader());
        for (String chatty : List.of("kafka", "org.apache.kafka", "io.zonky")) {
            logging.setLogLevel(chatty, LogLevel.WARN);
        }
        log("starting PostgreSQL and Kafka only (data in " + options.dataDir().toAbsolutePath() + ")");
        InfrastructureOnly.Running running = InfrastructureOnly.start(options);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            log("stopping");
                            running.close();
                        },
                        "okr-ledger-shutdown"));
        System.out.println(InfrastructureOnly.instructions(running, options));
        options.access().notice().ifPresent(System.out::println);
    }

    private static void log(String message) {
        System.out.println("[okr-ledger] " + message);
    }
}
