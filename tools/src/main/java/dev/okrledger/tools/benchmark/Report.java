package dev.okrledger.tools.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;

/** The figures as a table, each beside the raw ceiling it is compared with. */
final class Report {

    private Report() {}

    @SuppressWarnings("unchecked")
    private static double at(Map<String, Object> result, String... path) {
        Object node = result;
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return Double.NaN;
            }
            node = ((Map<String, Object>) map).get(key);
        }
        return node instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    static Map<String, Object> ratios(Map<String, Object> r) {
        Map<String, Object> ratios = new LinkedHashMap<>();
        ratios.put(
                "checkInsPerSecond/postgresInserts",
                ratio(at(r, "saturation", "checkInsPerSecond"), at(r, "ceilings", "postgresInsertsPerSecond")));
        ratios.put(
                "commandP99/postgresInsertP99",
                ratio(at(r, "saturation", "latency", "p99_ms"), at(r, "ceilings", "postgresInsertLatency", "p99_ms")));
        double rawPath50 = at(r, "ceilings", "postgresInsertLatency", "p50_ms")
                + at(r, "ceilings", "kafkaProduceToConsumeLatency", "p50_ms");
        double rawPath99 = at(r, "ceilings", "postgresInsertLatency", "p99_ms")
                + at(r, "ceilings", "kafkaProduceToConsumeLatency", "p99_ms");
        ratios.put(
                "projectionP50/(insert+kafka)P50",
                ratio(at(r, "offeredLoad", "checkInToProjection", "p50_ms"), rawPath50));
        ratios.put(
                "projectionP99/(insert+kafka)P99",
                ratio(at(r, "offeredLoad", "checkInToProjection", "p99_ms"), rawPath99));
        ratios.put("alertP99/(insert+kafka)P99", ratio(at(r, "offeredLoad", "checkInToAlert", "p99_ms"), rawPath99));
        ratios.put(
                "rebuildPerSecond/postgresInserts",
                ratio(at(r, "rebuild", "eventsPerSecond"), at(r, "ceilings", "postgresInsertsPerSecond")));
        ratios.put(
                "dashboardP99/pointReadP99",
                ratio(
                        at(r, "queries", "dashboard", "p99_ms"),
                        at(r, "ceilings", "postgresPointReadLatency", "p99_ms")));
        ratios.put(
                "historyP99/pointReadP99",
                ratio(
                        at(r, "queries", "keyResultHistory", "p99_ms"),
                        at(r, "ceilings", "postgresPointReadLatency", "p99_ms")));
        ratios.put(
                "publishedPerSecond/kafkaProduce",
                ratio(at(r, "saturation", "checkInsPerSecond"), at(r, "ceilings", "kafkaProducePerSecond")));
        return ratios;
    }

    private static double ratio(double value, double ceiling) {
        return Double.isNaN(value) || Double.isNaN(ceiling) || ceiling == 0
                ? Double.NaN
                : Math.round(value / ceiling * 1000) / 1000.0;
    }

    static void print(Map<String, Object> r) {
        String row = "%-52s %14s %14s %10s%n";
        System.out.println();
        System.out.printf(row, "figure", "value", "ceiling", "ratio");
        System.out.printf(row, "-".repeat(52), "-".repeat(14), "-".repeat(14), "-".repeat(10));
        line(
                row,
                "1. check-ins accepted/s at saturation",
                at(r, "saturation", "checkInsPerSecond"),
                at(r, "ceilings", "postgresInsertsPerSecond"),
                "/s");
        line(row, "0. warm-up check-ins/s (before measuring)", at(r, "warmup", "checkInsPerSecond"), Double.NaN, "");
        line(row, "0. system cores busy while idle", at(r, "idle", "systemCoresBusy"), Double.NaN, "");
        line(
                row,
                "1. system CPU ms per accepted check-in",
                at(r, "saturation", "cpuUntilDrained", "msPerCheckIn", "system"),
                Double.NaN,
                "");
        line(
                row,
                "1.   of which the JVM (services, broker)",
                at(r, "saturation", "cpuUntilDrained", "msPerCheckIn", "systemJvm"),
                Double.NaN,
                "");
        line(
                row,
                "1.   of which PostgreSQL",
                at(r, "saturation", "cpuUntilDrained", "msPerCheckIn", "postgres"),
                Double.NaN,
                "");
        line(
                row,
                "2. system CPU ms per check-in @ offered rate",
                at(r, "offeredLoad", "cpuUntilDrained", "msPerCheckIn", "system"),
                Double.NaN,
                "");
        line(
                row,
                "1. command latency p50 (ms)",
                at(r, "saturation", "latency", "p50_ms"),
                at(r, "ceilings", "postgresInsertLatency", "p50_ms"),
                "");
        line(
                row,
                "1. command latency p95 (ms)",
                at(r, "saturation", "latency", "p95_ms"),
                at(r, "ceilings", "postgresInsertLatency", "p95_ms"),
                "");
        line(
                row,
                "1. command latency p99 (ms)",
                at(r, "saturation", "latency", "p99_ms"),
                at(r, "ceilings", "postgresInsertLatency", "p99_ms"),
                "");
        double raw50 = at(r, "ceilings", "postgresInsertLatency", "p50_ms")
                + at(r, "ceilings", "kafkaProduceToConsumeLatency", "p50_ms");
        double raw99 = at(r, "ceilings", "postgresInsertLatency", "p99_ms")
                + at(r, "ceilings", "kafkaProduceToConsumeLatency", "p99_ms");
        line(
                row,
                "2. check-in -> query side p50 (ms) @ offered rate",
                at(r, "offeredLoad", "checkInToProjection", "p50_ms"),
                raw50,
                "");
        line(
                row,
                "2. check-in -> query side p99 (ms) @ offered rate",
                at(r, "offeredLoad", "checkInToProjection", "p99_ms"),
                raw99,
                "");
        line(
                row,
                "2. check-in -> okr.alerts p50 (ms) @ offered rate",
                at(r, "offeredLoad", "checkInToAlert", "p50_ms"),
                raw50,
                "");
        line(
                row,
                "2. check-in -> okr.alerts p99 (ms) @ offered rate",
                at(r, "offeredLoad", "checkInToAlert", "p99_ms"),
                raw99,
                "");
        line(row, "3. max publisher lag (events)", at(r, "lag", "maxPublisherLagEvents"), Double.NaN, "");
        line(row, "3. final publisher lag (events)", at(r, "lag", "finalPublisherLagEvents"), Double.NaN, "");
        line(
                row,
                "3. max query-service lag (records)",
                at(r, "lag", "maxConsumerLagRecords", "query-service-intake"),
                Double.NaN,
                "");
        line(
                row,
                "3. max notifier lag (records)",
                at(r, "lag", "maxConsumerLagRecords", "notifier-intake"),
                Double.NaN,
                "");
        line(
                row,
                "4. read-model rebuild (events/s)",
                at(r, "rebuild", "eventsPerSecond"),
                at(r, "ceilings", "postgresInsertsPerSecond"),
                "");
        line(
                row,
                "5. dashboard p50 (ms)",
                at(r, "queries", "dashboard", "p50_ms"),
                at(r, "ceilings", "postgresPointReadLatency", "p50_ms"),
                "");
        line(
                row,
                "5. dashboard p99 (ms)",
                at(r, "queries", "dashboard", "p99_ms"),
                at(r, "ceilings", "postgresPointReadLatency", "p99_ms"),
                "");
        line(
                row,
                "5. KR history p50 (ms)",
                at(r, "queries", "keyResultHistory", "p50_ms"),
                at(r, "ceilings", "postgresPointReadLatency", "p50_ms"),
                "");
        line(
                row,
                "5. KR history p99 (ms)",
                at(r, "queries", "keyResultHistory", "p99_ms"),
                at(r, "ceilings", "postgresPointReadLatency", "p99_ms"),
                "");
        line(
                row,
                "6. peak heap of the system JVM (MiB), bound " + bound(r),
                at(r, "memory", "jvmPeakHeapMiB"),
                Double.NaN,
                "");
        line(
                row,
                "6. peak resident memory of the system JVM (MiB)",
                at(r, "memory", "jvmPeakResidentMiB"),
                Double.NaN,
                "");
        line(
                row,
                "6. PostgreSQL resident memory, proportional (MiB)",
                at(r, "memory", "postgresPeakProportionalResidentMiB"),
                Double.NaN,
                "");
        line(row, "7. raw Kafka produce (records/s)", at(r, "ceilings", "kafkaProducePerSecond"), Double.NaN, "");
        line(row, "7. raw Kafka consume (records/s)", at(r, "ceilings", "kafkaConsumePerSecond"), Double.NaN, "");
        line(
                row,
                "8. board page, " + (int) at(r, "boardPage", "objectives") + " objectives, p50 (ms)",
                at(r, "boardPage", "latency", "p50_ms"),
                Double.NaN,
                "");
        line(row, "8. board page p99 (ms), target 50", at(r, "boardPage", "latency", "p99_ms"), 50, "");
        System.out.println();
        printCpu(r);
    }

    /** Where the system's CPU went per accepted check-in at saturation, per service; the profile's summary. */
    @SuppressWarnings("unchecked")
    private static void printCpu(Map<String, Object> r) {
        if (!(r.get("saturation") instanceof Map<?, ?> saturation)) {
            return;
        }
        if (saturation.get("cpuUntilDrained") instanceof Map<?, ?> cpu
                && cpu.get("byServiceMsPerCheckIn") instanceof Map<?, ?> services) {
            System.out.println("CPU ms per accepted check-in at saturation (until drained), per service:");
            services.forEach((service, row) -> System.out.printf("  %-58s %s%n", service, row));
            System.out.println("busiest threads (ms per check-in): " + cpu.get("busiestThreadsMsPerCheckIn"));
        }
        if (r.get("profile") instanceof Map<?, ?> profile && profile.get("byService") instanceof Map<?, ?> services) {
            System.out.println("CPU profile of a second, recorded saturation phase (" + profile.get("executionSamples")
                    + " samples, % of all; libraries % of the service's samples; "
                    + profile.get("checkInsPerSecondWhileRecording") + " check-ins/s while recording):");
            ((Map<String, Map<String, Object>>) services)
                    .forEach((service, row) -> System.out.printf(
                            "  %-40s %5s%%  in %s%n  %-40s        top packages %s%n",
                            service,
                            row.get("shareOfSamples"),
                            row.get("innermostLibrary"),
                            "",
                            row.get("firstNonJdkPackage")));
            System.out.println("  top frames: " + profile.get("topFrames"));
            System.out.println("  recording: " + profile.get("recording"));
        }
        System.out.println();
    }

    private static String bound(Map<String, Object> r) {
        return r.get("memory") instanceof Map<?, ?> memory ? String.valueOf(memory.get("heapBound")) : "?";
    }

    private static void line(String row, String name, double value, double ceiling, String unit) {
        System.out.printf(
                row,
                name,
                format(value),
                format(ceiling),
                Double.isNaN(value) || Double.isNaN(ceiling) || ceiling == 0
                        ? ""
                        : String.format("%.3f", value / ceiling));
    }

    private static String format(double v) {
        return Double.isNaN(v) ? "-" : v >= 100 ? String.format("%.0f", v) : String.format("%.2f", v);
    }
}
