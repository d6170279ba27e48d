package dev.okrledger.tools.faults;

import dev.okrledger.contract.event.EventCodec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The suite's results as a table on standard output and as JSON. */
final class FaultReport {

    private FaultReport() {}

    static void print(List<CaseResult> results) {
        System.out.println();
        System.out.println(table(results));
    }

    /** A Markdown table: the same text goes into docs/reliability.md. */
    static String table(List<CaseResult> results) {
        StringBuilder text = new StringBuilder(
                "| fault | load | acknowledged | lost | duplicated | recovered in | clients saw (status: count) | result |\n"
                        + "| --- | --- | ---: | ---: | ---: | ---: | --- | --- |\n");
        for (CaseResult r : results) {
            text.append(String.format(
                    "| %s | %s | %s | %d | %d | %s | %s | %s |%n",
                    r.fault().title(),
                    r.load(),
                    r.fault() == FaultCase.HOSTILE_INPUT ? "–" : Long.toString(r.acknowledged()),
                    r.lost(),
                    r.duplicated(),
                    r.recoverySeconds() == null ? "–" : String.format("%.1f s", r.recoverySeconds()),
                    seen(r.clientsSaw()),
                    r.passed() ? "passed" : "FAILED: " + String.join("; ", r.failures())));
        }
        return text.toString();
    }

    private static String seen(Map<Integer, Long> byStatus) {
        return byStatus.entrySet().stream()
                .map(e -> (e.getKey() == CheckInLoad.NO_ANSWER ? "none" : e.getKey()) + ": " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    static void write(Path file, FaultOptions options, Suite.Report report) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("startedAt", report.startedAt().toString());
        json.put("seconds", report.seconds());
        json.put(
                "machine",
                Map.of(
                        "cores",
                        Runtime.getRuntime().availableProcessors(),
                        "loadAverageBefore",
                        report.loadAverageBefore(),
                        "loadAverageAfter",
                        report.loadAverageAfter()));
        json.put(
                "options",
                Map.of(
                        "rate",
                        options.rate(),
                        "keyResults",
                        options.keyResults(),
                        "warmUpSeconds",
                        options.warmUp().toSeconds(),
                        "outageSeconds",
                        options.outage().toSeconds(),
                        "lockSeconds",
                        options.lockHeld().toSeconds(),
                        "webhookFailingSeconds",
                        options.webhookFailing().toSeconds(),
                        "afterSeconds",
                        options.loadAfter().toSeconds()));
        json.put(
                "cases",
                report.results().stream()
                        .map(r -> {
                            Map<String, Object> c = new LinkedHashMap<>();
                            c.put("fault", r.fault().title());
                            c.put("what", r.fault().description());
                            c.put("load", r.load());
                            c.put("sent", r.sent());
                            c.put("acknowledged", r.acknowledged());
                            c.put("lost", r.lost());
                            c.put("duplicated", r.duplicated());
                            c.put("recoverySeconds", r.recoverySeconds());
                            c.put(
                                    "clientsSaw",
                                    r.clientsSaw().entrySet().stream()
                                            .collect(Collectors.toMap(
                                                    e -> e.getKey().toString(), Map.Entry::getValue)));
                            c.put("details", r.details());
                            c.put("passed", r.passed());
                            c.put("failures", r.failures());
                            return c;
                        })
                        .toList());
        Files.writeString(
                file, EventCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
    }
}
