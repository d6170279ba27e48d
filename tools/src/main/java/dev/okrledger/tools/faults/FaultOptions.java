package dev.okrledger.tools.faults;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * What the fault suite runs. The defaults run every case, about 20 minutes on two cores.
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
public record FaultOptions(
        List<FaultCase> cases,
        int rate,
        int keyResults,
        Duration warmUp,
        Duration outage,
        Duration lockHeld,
        Duration webhookFailing,
        Duration loadAfter,
        Duration patience,
        String launch,
        Path jarsDir,
        Path output,
        Path workDir) {

    /** The options of {@code args}; a mistake is an {@link IllegalArgumentException} naming the option. */
    public static FaultOptions parse(String... args) {
        Arguments arguments = new Arguments();
        try {
            new CommandLine(arguments).parseArgs(args);
        } catch (ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return arguments.options();
    }

    /** The options as the command line gives them, with their defaults; {@link #options()} checks them. */
    public static final class Arguments {

        @Option(
                names = "--cases",
                paramLabel = "CASE,...",
                description =
                        "The cases to run, in order; all of them unless named. The cases: ${COMPLETION-CANDIDATES}.",
                completionCandidates = CaseTitles.class)
        String cases;

        @Option(
                names = "--rate",
                paramLabel = "PER_SECOND",
                description = "Check-ins offered per second during each case.")
        int rate = 20;

        @Option(names = "--key-results", paramLabel = "N", description = "Key results the load spreads over.")
        int keyResults = 24;

        @Option(names = "--warm-up-seconds", paramLabel = "SECONDS", description = "Load before the fault is injected.")
        int warmUpSeconds = 10;

        @Option(
                names = "--outage-seconds",
                paramLabel = "SECONDS",
                description = "How long the broker or the database stays down.")
        int outageSeconds = 30;

        @Option(
                names = "--lock-seconds",
                paramLabel = "SECONDS",
                description = "How long a session holds the locks of the slow-database case.")
        int lockSeconds = 20;

        @Option(
                names = "--webhook-failing-seconds",
                paramLabel = "SECONDS",
                description = "How long the webhook receiver answers 500 (or hangs).")
        int webhookFailingSeconds = 60;

        @Option(names = "--after-seconds", paramLabel = "SECONDS", description = "Load after the fault is lifted.")
        int afterSeconds = 10;

        @Option(
                names = "--patience-seconds",
                paramLabel = "SECONDS",
                description =
                        "How long the system may take to catch up after a case before it counts as not recovered.")
        int patienceSeconds = 240;

        @Option(
                names = "--launch",
                paramLabel = "jars|classpath",
                description =
                        "jars: each service's executable jar under --jars-dir; classpath: this JVM's class path (tests).")
        String launch = "jars";

        @Option(
                names = "--jars-dir",
                paramLabel = "DIR",
                description = "The repository root, where <service>/target/<service>-*-exec.jar are.")
        Path jarsDir = Path.of(".");

        @Option(names = "--json", paramLabel = "FILE", description = "Where the results go.")
        Path json = Path.of("faults-result.json");

        @Option(
                names = "--work-dir",
                paramLabel = "DIR",
                defaultValue = "${sys:java.io.tmpdir}",
                description = "Where the run's data and the services' logs go (a fresh folder in it).")
        Path workDir;

        /** The checked options: known cases, every count and length at least 1, a known way to launch. */
        public FaultOptions options() {
            List<FaultCase> chosen = cases == null
                    ? List.of(FaultCase.values())
                    : Arrays.stream(cases.split(",")).map(FaultCase::named).toList();
            if (!launch.equals("jars") && !launch.equals("classpath")) {
                throw new IllegalArgumentException("--launch is jars or classpath");
            }
            return new FaultOptions(
                    chosen,
                    atLeastOne("--rate", rate),
                    atLeastOne("--key-results", keyResults),
                    seconds("--warm-up-seconds", warmUpSeconds),
                    seconds("--outage-seconds", outageSeconds),
                    seconds("--lock-seconds", lockSeconds),
                    seconds("--webhook-failing-seconds", webhookFailingSeconds),
                    seconds("--after-seconds", afterSeconds),
                    seconds("--patience-seconds", patienceSeconds),
                    launch,
                    jarsDir,
                    json,
                    workDir);
        }

        private static int atLeastOne(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1");
            }
            return value;
        }

        private static Duration seconds(String name, int value) {
            return Duration.ofSeconds(atLeastOne(name, value));
        }
    }

    /** The case titles, for {@code --help}. */
    static final class CaseTitles implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(FaultCase.values()).map(FaultCase::title).iterator();
        }
    }
}
