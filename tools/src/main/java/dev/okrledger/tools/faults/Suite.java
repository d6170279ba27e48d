package dev.okrledger.tools.faults;

import dev.okrledger.launcher.Service;
import dev.okrledger.security.OkrUser;
import dev.okrledger.security.Role;
import dev.okrledger.security.TokenKeys;
import dev.okrledger.security.TokenMinter;
import dev.okrledger.tools.client.ApiClient;
import dev.okrledger.tools.client.Organisation;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code okr-ledger-tools.jar faults}: the fault-injection suite. Starts PostgreSQL and Kafka in this JVM
 * and each service as a process of its own, builds a small organisation through the API, subscribes
 * a webhook receiver to every team, then runs each case in turn ({@link CaseRunner}) and prints a
 * table and writes JSON ({@link FaultReport}). Exits 1 when a case failed.
 */
public final class Suite {

    private static final int TEAMS = 3;
    private static final int KEY_RESULTS_PER_OBJECTIVE = 4;

    private Suite() {}

    /** Runs the chosen cases, prints the table and writes the JSON; answers 0 when every case passed, else 1. */
    public static int runAndReport(FaultOptions options) throws Exception {
        LoggingSystem logging = LoggingSystem.get(Suite.class.getClassLoader());
        for (String chatty : List.of("kafka", "org.apache.kafka", "io.zonky", "state.change.logger")) {
            logging.setLogLevel(chatty, LogLevel.WARN);
        }
        Report report = run(options);
        FaultReport.print(report.results());
        FaultReport.write(options.output(), options, report);
        say("wrote " + options.output().toAbsolutePath());
        return report.results().stream().allMatch(CaseResult::passed) ? 0 : 1;
    }

    /** The results, with when and where they were taken. */
    public record Report(
            Instant startedAt,
            double seconds,
            String loadAverageBefore,
            String loadAverageAfter,
            List<CaseResult> results) {}

    /** Runs the chosen cases on a system of its own, under a fresh folder of {@code workDir}. */
    public static Report run(FaultOptions options) throws Exception {
        Instant started = Instant.now();
        String loadBefore = loadAverage();
        Path work = Files.createTempDirectory(Files.createDirectories(options.workDir()), "okr-faults");
        say("data and service logs in " + work + "; load average " + loadBefore);
        List<CaseResult> results = new ArrayList<>();
        try (FaultSystem system = FaultSystem.start(options, work);
                WebhookReceiver receiver = new WebhookReceiver()) {
            // Ctrl+C must not leave service processes behind
            Thread stopping = new Thread(system::close, "fault-suite-stop");
            Runtime.getRuntime().addShutdownHook(stopping);
            say("system up: "
                    + FaultSystem.SERVICES.stream()
                            .map(s -> s.title() + " " + system.baseUrl(s))
                            .toList());
            String token = new TokenMinter(TokenKeys.loadOrCreate(system.keys()))
                    .mint(
                            new OkrUser("fault-suite", "Fault suite", Set.of(), Set.of(Role.ADMIN)),
                            Duration.ofHours(12));
            ApiClient api = new ApiClient(token);
            int objectives =
                    Math.max(1, (options.keyResults() + KEY_RESULTS_PER_OBJECTIVE - 1) / KEY_RESULTS_PER_OBJECTIVE);
            Organisation organisation = Organisation.build(
                    api,
                    system.baseUrl(Service.COMMAND),
                    new Organisation.Shape(objectives, KEY_RESULTS_PER_OBJECTIVE, 1, TEAMS));
            for (int team = 0; team < Math.min(TEAMS, objectives); team++) {
                api.mustPost(system.baseUrl(Service.NOTIFIER) + "/api/webhooks", """
                        {"url":"%s","team":"team-%d","format":"JSON"}""".formatted(receiver.url(), team));
            }
            List<UUID> keyResults = organisation.keyResults.stream()
                    .map(Organisation.KeyResultRef::id)
                    .toList();
            CaseRunner runner = new CaseRunner(options, system, api, token, keyResults, receiver);
            for (FaultCase fault : options.cases()) {
                results.add(runner.run(fault));
            }
            Runtime.getRuntime().removeShutdownHook(stopping);
        }
        return new Report(
                started,
                Duration.between(started, Instant.now()).toMillis() / 1000.0,
                loadBefore,
                loadAverage(),
                results);
    }

    static void say(String message) {
        System.out.println("[faults] " + message);
    }

    /** The 1, 5 and 15 minute load averages of the machine, where Linux tells them. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
