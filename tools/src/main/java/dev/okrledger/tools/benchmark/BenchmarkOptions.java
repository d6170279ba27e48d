package dev.okrledger.tools.benchmark;

import dev.okrledger.tools.client.Organisation;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What to run: organisation size, phase lengths and load. The defaults finish in about three
 * minutes on two cores. {@code --profile} adds a second saturation phase recorded with Java Flight
 * Recorder, after the measured one (recording halves the rate); {@code --system-heap} bounds the
 * system's heap. {@code --warmup-seconds} of saturating load come before anything is measured
 * ({@code 0} for none). {@code --system-jar} is the embedded default the benchmark starts when it
 * runs from its own jar.
 */
public record BenchmarkOptions(
        int objectives,
        int keyResultsPerObjective,
        int historyPerKeyResult,
        int teams,
        int saturationThreads,
        Duration saturationTime,
        int offeredRate,
        Duration offeredTime,
        int readers,
        Duration readTime,
        Duration ceilingTime,
        Path output,
        Path workDir,
        int boardObjectives,
        Duration boardTime,
        String systemHeap,
        boolean profile,
        Duration warmupTime,
        Path systemJar) {

    /** The heap bound of the embedded default, as the benchmark runs it (docs/performance.md). */
    static final String DEFAULT_HEAP = "384m";

    /** The organisation the measured phases run on. */
    Organisation.Shape organisation() {
        return new Organisation.Shape(objectives, keyResultsPerObjective, historyPerKeyResult, teams);
    }

    /** The organisation of the board-page figure: its own cycle of {@code board-objectives}, one KR and check-in each. */
    BenchmarkOptions forBoardPage() {
        return new BenchmarkOptions(
                boardObjectives,
                1,
                1,
                teams,
                saturationThreads,
                saturationTime,
                offeredRate,
                offeredTime,
                readers,
                readTime,
                ceilingTime,
                output,
                workDir,
                boardObjectives,
                boardTime,
                systemHeap,
                profile,
                warmupTime,
                systemJar);
    }

    /** The options of {@code args}; a mistake is an {@link IllegalArgumentException} naming the option. */
    public static BenchmarkOptions parse(String... args) {
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

        @Option(names = "--objectives", paramLabel = "N", description = "Objectives of the generated organisation.")
        int objectives = 500;

        @Option(names = "--krs-per-objective", paramLabel = "N", description = "Key results per objective.")
        int keyResultsPerObjective = 4;

        @Option(
                names = "--history",
                paramLabel = "N",
                description = "Weekly check-ins each key result has before the load starts.")
        int history = 2;

        @Option(names = "--teams", paramLabel = "N", description = "Teams the objectives are spread over.")
        int teams = 50;

        @Option(
                names = "--saturation-threads",
                paramLabel = "N",
                description = "Clients of the saturation phases, each as fast as it can.")
        int saturationThreads = 16;

        @Option(names = "--saturation-seconds", paramLabel = "SECONDS", description = "Length of the saturation phase.")
        int saturationSeconds = 20;

        @Option(
                names = "--warmup-seconds",
                paramLabel = "SECONDS",
                description = "Saturating load before anything is measured; 0 for none.")
        int warmupSeconds = 20;

        @Option(
                names = "--rate",
                paramLabel = "PER_SECOND",
                description = "Check-ins per second offered in the offered-load phase.")
        int rate = 200;

        @Option(names = "--rate-seconds", paramLabel = "SECONDS", description = "Length of the offered-load phase.")
        int rateSeconds = 20;

        @Option(names = "--readers", paramLabel = "N", description = "Clients reading dashboards and histories.")
        int readers = 8;

        @Option(names = "--read-seconds", paramLabel = "SECONDS", description = "Length of the read phase.")
        int readSeconds = 15;

        @Option(
                names = "--ceiling-seconds",
                paramLabel = "SECONDS",
                description = "Length of each raw PostgreSQL and Kafka ceiling.")
        int ceilingSeconds = 10;

        @Option(
                names = "--board-objectives",
                paramLabel = "N",
                description = "Objectives of the board page's own cycle.")
        int boardObjectives = 2000;

        @Option(names = "--board-seconds", paramLabel = "SECONDS", description = "Length of the board-page phase.")
        int boardSeconds = 15;

        @Option(
                names = "--system-heap",
                paramLabel = "SIZE",
                description = "The system's heap bound, as -Xmx takes it.")
        String systemHeap = DEFAULT_HEAP;

        @Option(
                names = "--profile",
                arity = "0..1",
                paramLabel = "true|false",
                description = "Record a second saturation phase with Java Flight Recorder, after every measured one.")
        boolean profile;

        @Option(names = "--json", paramLabel = "FILE", description = "Where the results go.")
        Path json = Path.of("benchmark-result.json");

        @Option(
                names = "--work-dir",
                paramLabel = "DIR",
                defaultValue = "${sys:java.io.tmpdir}",
                description = "Where the run's data and logs go (a fresh folder in it).")
        Path workDir;

        @Option(
                names = "--system-jar",
                paramLabel = "JAR",
                description = "The embedded default the benchmark starts, when it runs from its own jar.")
        Path systemJar = Path.of("launcher", "target", "okr-ledger.jar");

        /** The checked options: every count and length at least 1 (the warm-up at least 0), a heap size -Xmx takes. */
        public BenchmarkOptions options() {
            if (!systemHeap.matches("\\d+[kKmMgG]?")) {
                throw new IllegalArgumentException(
                        "--system-heap is a size as -Xmx takes it (384m, 1g), got " + systemHeap);
            }
            return new BenchmarkOptions(
                    atLeastOne("--objectives", objectives),
                    atLeastOne("--krs-per-objective", keyResultsPerObjective),
                    atLeastOne("--history", history),
                    atLeastOne("--teams", teams),
                    atLeastOne("--saturation-threads", saturationThreads),
                    seconds("--saturation-seconds", saturationSeconds),
                    atLeastOne("--rate", rate),
                    seconds("--rate-seconds", rateSeconds),
                    atLeastOne("--readers", readers),
                    seconds("--read-seconds", readSeconds),
                    seconds("--ceiling-seconds", ceilingSeconds),
                    json,
                    workDir,
                    atLeastOne("--board-objectives", boardObjectives),
                    seconds("--board-seconds", boardSeconds),
                    systemHeap,
                    profile,
                    Duration.ofSeconds(atLeast("--warmup-seconds", warmupSeconds, 0)),
                    systemJar);
        }

        private static int atLeastOne(String name, int value) {
            return atLeast(name, value, 1);
        }

        private static int atLeast(String name, int value, int least) {
            if (value < least) {
                throw new IllegalArgumentException(name + " must be at least " + least);
            }
            return value;
        }

        private static Duration seconds(String name, int value) {
            return Duration.ofSeconds(atLeastOne(name, value));
        }
    }
}
