package dev.okrledger.tools.benchmark;

import dev.okrledger.tools.client.ProcFs;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory of the system under test: the JVM's peak resident set (VmHWM, kept by the kernel), the
 * heap it used at most (from its collector's log) and PostgreSQL's proportional resident memory,
 * sampled after each phase (shared buffers divided among its processes, so they count once).
 */
final class SystemMemory {

    /** {@code GC(12) Pause Young (Normal) (G1 Evacuation Pause) 123M->45M(512M) 3.456ms} */
    private static final Pattern PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)\\s+([\\d.]+)ms");

    private final SystemProcess system;
    private long postgresPeakKiB;

    SystemMemory(SystemProcess system) {
        this.system = system;
    }

    /** Takes PostgreSQL's resident memory now; call it when a phase ends. */
    void sample() {
        system.postgresPid().ifPresent(postmaster -> {
            long total = ProcFs.pssKiB(postmaster).orElse(0);
            for (long child : ProcFs.children(postmaster)) {
                total += ProcFs.pssKiB(child).orElse(0);
            }
            postgresPeakKiB = Math.max(postgresPeakKiB, total);
        });
    }

    Map<String, Object> summary() {
        sample();
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put(
                "scope",
                "the system under test as its own process: command-service, query-service, notifier and"
                        + " the Kafka broker in one JVM; PostgreSQL as its server processes");
        memory.put("heapBound", system.heap());
        ProcFs.peakResidentMiB(system.pid()).ifPresent(mib -> memory.put("jvmPeakResidentMiB", mib));
        memory.putAll(heapFromCollectorLog());
        memory.put("postgresPeakProportionalResidentMiB", postgresPeakKiB >> 10);
        return memory;
    }

    private Map<String, Object> heapFromCollectorLog() {
        Map<String, Object> heap = new LinkedHashMap<>();
        try {
            long peak = 0;
            long pauses = 0;
            double pauseMillis = 0;
            for (String line : Files.readAllLines(system.gcLog())) {
                Matcher m = PAUSE.matcher(line);
                if (m.find()) {
                    peak = Math.max(peak, Long.parseLong(m.group(1)));
                    pauses++;
                    pauseMillis += Double.parseDouble(m.group(4));
                }
            }
            heap.put("jvmPeakHeapMiB", peak);
            heap.put("gcPauses", pauses);
            heap.put("gcPauseSeconds", Latencies.round(pauseMillis / 1000));
        } catch (IOException | RuntimeException unreadable) {
            heap.put("jvmPeakHeapMiB", Double.NaN);
        }
        return heap;
    }
}
