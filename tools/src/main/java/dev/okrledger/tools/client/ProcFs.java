package dev.okrledger.tools.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What Linux tells about a process in {@code /proc}: CPU time used and resident memory. Reads
 * answer nothing (empty, 0) when the process or thread is gone or /proc does not exist.
 */
public final class ProcFs {

    /** USER_HZ, the unit of the times in {@code stat}: 100 on every Linux the JDK runs on. */
    public static final long TICKS_PER_SECOND = 100;

    private ProcFs() {}

    public static boolean available() {
        return Files.isDirectory(Path.of("/proc/self/task"));
    }

    /** The process's or thread's {@code stat} fields after its name, and its name (15 characters at most). */
    public record Stat(String name, String[] fields) {
        /** utime + stime in ticks: CPU time of this process (or thread) itself. */
        public long ownTicks() {
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }

        /** cutime + cstime in ticks: CPU time of its children that ended and were waited for. */
        public long reapedChildrenTicks() {
            return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        }

        public long parentPid() {
            return Long.parseLong(fields[1]);
        }
    }

    public static Optional<Stat> stat(Path statFile) {
        try {
            String line = Files.readString(statFile, StandardCharsets.US_ASCII);
            // the name is in parentheses and may itself hold spaces or parentheses
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            return Optional.of(new Stat(
                    line.substring(open + 1, close),
                    line.substring(close + 2).trim().split(" ")));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    public static Optional<Stat> stat(long pid) {
        return stat(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /** The threads of a process: their {@code /proc/<pid>/task/<tid>} directories. */
    public static List<Path> threads(long pid) {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.toList();
        } catch (IOException gone) {
            return List.of();
        }
    }

    /** Direct children of a process. */
    public static List<Long> children(long pid) {
        return ProcessHandle.of(pid)
                .map(p -> p.children().map(ProcessHandle::pid).toList())
                .orElse(List.of());
    }

    /** The command line, arguments separated by spaces (PostgreSQL puts a backend's database there). */
    public static String commandLine(long pid) {
        try {
            return new String(
                            Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ')
                    .trim();
        } catch (IOException gone) {
            return "";
        }
    }

    /** A {@code status} field in KiB, e.g. VmHWM (peak resident set) or VmRSS. */
    public static OptionalLong statusKiB(long pid, String field) {
        return kib(Path.of("/proc", Long.toString(pid), "status"), field);
    }

    /** The process's peak resident set (VmHWM, kept by the kernel), in MiB. */
    public static OptionalLong peakResidentMiB(long pid) {
        OptionalLong kib = statusKiB(pid, "VmHWM");
        return kib.isPresent() ? OptionalLong.of(kib.getAsLong() >> 10) : OptionalLong.empty();
    }

    /** Proportional set size: resident memory with shared pages divided among the processes sharing them. */
    public static OptionalLong pssKiB(long pid) {
        return kib(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss");
    }

    private static OptionalLong kib(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field + ":")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("\\D", "")));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // no such process any more
        }
        return OptionalLong.empty();
    }
}
