package dev.okrledger.launcher.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the fault suite runs. Every option is {@code --name=value}; the defaults run every case,
 * about 20 minutes on two cores.
 *
 * @param cases          the cases to run, in order ({@code --cases=kill-command,kafka-outage}; default all)
 * @param rate           check-ins offered per second during each case
 * @param keyResults     key results the load spreads over
 * @param warmUp         load before the fault is injected
 * @param outage         how long the broker or the database stays down
 * @param lockHeld       how long a session holds the locks of the slow-database case
 * @param webhookFailing how long the webhook receiver answers 500 (or hangs)
 * @param loadAfter      load after the fault is lifted
 * @param patience       how long the system may take to catch up after a case before it counts as not recovered
 * @param launch         {@code jars}: each service's executable jar under {@code jarsDir}; {@code classpath}:
 *                       this JVM's class path (tests)
 */
public record FaultOptions(List<FaultCase> cases, int rate, int keyResults, Duration warmUp, Duration outage,
                           Duration lockHeld, Duration webhookFailing, Duration loadAfter, Duration patience,
                           String launch, Path jarsDir, Path output, Path workDir) {

    public static FaultOptions parse(String... args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Options are --name=value, got " + arg);
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        List<FaultCase> cases = given.containsKey("cases")
                ? Arrays.stream(given.remove("cases").split(",")).map(FaultCase::named).toList()
                : List.of(FaultCase.values());
        FaultOptions options = new FaultOptions(cases, integer(given, "rate", 20), integer(given, "key-results", 24),
                seconds(given, "warm-up-seconds", 10), seconds(given, "outage-seconds", 30),
                seconds(given, "lock-seconds", 20), seconds(given, "webhook-failing-seconds", 60),
                seconds(given, "after-seconds", 10), seconds(given, "patience-seconds", 240),
                given.getOrDefault("launch", "jars"), Path.of(given.getOrDefault("jars-dir", ".")),
                Path.of(given.getOrDefault("json", "faults-result.json")),
                Path.of(given.getOrDefault("work-dir", System.getProperty("java.io.tmpdir"))));
        given.keySet().removeAll(List.of("rate", "key-results", "warm-up-seconds", "outage-seconds", "lock-seconds",
                "webhook-failing-seconds", "after-seconds", "patience-seconds", "launch", "jars-dir", "json", "work-dir"));
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("Unknown options: " + given.keySet());
        }
        if (!options.launch().equals("jars") && !options.launch().equals("classpath")) {
            throw new IllegalArgumentException("--launch is jars or classpath");
        }
        return options;
    }

    private static int integer(Map<String, String> given, String name, int fallback) {
        int value = Integer.parseInt(given.getOrDefault(name, Integer.toString(fallback)));
        if (value < 1) {
            throw new IllegalArgumentException("--" + name + " must be at least 1");
        }
        return value;
    }

    private static Duration seconds(Map<String, String> given, String name, int fallback) {
        return Duration.ofSeconds(integer(given, name, fallback));
    }
}
