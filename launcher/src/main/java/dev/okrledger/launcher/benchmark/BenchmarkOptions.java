package dev.okrledger.launcher.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What to run: organisation size, phase lengths and load. Every option is {@code --name=value};
 * the defaults finish in about three minutes on two cores. {@code --profile} adds a second
 * saturation phase recorded with Java Flight Recorder, after the measured one (recording halves
 * the rate); {@code --system-heap} bounds the system's heap.
 * {@code --warmup-seconds} of saturating load come before anything is measured ({@code 0} for none).
 */
public record BenchmarkOptions(int objectives, int keyResultsPerObjective, int historyPerKeyResult, int teams,
                        int saturationThreads, Duration saturationTime, int offeredRate, Duration offeredTime,
                        int readers, Duration readTime, Duration ceilingTime, Path output, Path workDir,
                        int boardObjectives, Duration boardTime, String systemHeap, boolean profile,
                        Duration warmupTime) {

    /** The heap bound of the embedded default, as the benchmark runs it (docs/performance.md). */
    static final String DEFAULT_HEAP = "384m";

    /** The organisation of the board-page figure: its own cycle of {@code board-objectives}, one KR and check-in each. */
    BenchmarkOptions forBoardPage() {
        return new BenchmarkOptions(boardObjectives, 1, 1, teams, saturationThreads, saturationTime, offeredRate,
                offeredTime, readers, readTime, ceilingTime, output, workDir, boardObjectives, boardTime, systemHeap, profile,
                warmupTime);
    }

    public static BenchmarkOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (arg.equals("--profile")) {
                arg = "--profile=true";
            }
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Options are --name=value, got " + arg);
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        BenchmarkOptions options = new BenchmarkOptions(
                integer(given, "objectives", 500), integer(given, "krs-per-objective", 4),
                integer(given, "history", 2), integer(given, "teams", 50),
                integer(given, "saturation-threads", 16), seconds(given, "saturation-seconds", 20),
                integer(given, "rate", 200), seconds(given, "rate-seconds", 20),
                integer(given, "readers", 8), seconds(given, "read-seconds", 15),
                seconds(given, "ceiling-seconds", 10),
                Path.of(given.getOrDefault("json", "benchmark-result.json")),
                Path.of(given.getOrDefault("work-dir", System.getProperty("java.io.tmpdir"))),
                integer(given, "board-objectives", 2000), seconds(given, "board-seconds", 15),
                heap(given.getOrDefault("system-heap", DEFAULT_HEAP)), Boolean.parseBoolean(given.get("profile")),
                Duration.ofSeconds(atLeast(given, "warmup-seconds", 20, 0)));
        given.keySet().removeAll(java.util.List.of("objectives", "krs-per-objective", "history", "teams",
                "saturation-threads", "saturation-seconds", "rate", "rate-seconds", "readers", "read-seconds",
                "ceiling-seconds", "json", "work-dir", "board-objectives", "board-seconds", "system-heap", "profile", "warmup-seconds"));
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("Unknown options: " + given.keySet());
        }
        return options;
    }

    private static String heap(String size) {
        if (!size.matches("\\d+[kKmMgG]?")) {
            throw new IllegalArgumentException("--system-heap is a size as -Xmx takes it (384m, 1g), got " + size);
        }
        return size;
    }

    private static int integer(Map<String, String> given, String name, int fallback) {
        return atLeast(given, name, fallback, 1);
    }

    private static int atLeast(Map<String, String> given, String name, int fallback, int least) {
        int value = Integer.parseInt(given.getOrDefault(name, Integer.toString(fallback)));
        if (value < least) {
            throw new IllegalArgumentException("--" + name + " must be at least " + least);
        }
        return value;
    }

    private static Duration seconds(Map<String, String> given, String name, int fallback) {
        return Duration.ofSeconds(integer(given, name, fallback));
    }
}
