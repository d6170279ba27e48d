package dev.okrledger.query.rebuild;

import dev.okrledger.contract.event.ObjectiveLevel;
import dev.okrledger.query.audit.EventLog;
import dev.okrledger.query.support.Quarter;
import dev.okrledger.query.support.QueryServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Times the rebuild alone, to iterate on it without the whole benchmark: not a test (no speed is
 * asserted, and surefire does not pick it by name). Run it with
 * {@code ./mvnw -B -pl query-service verify -Dtest=RebuildRateBenchmark -Dokr.rebuild.benchmark=3}
 * (the number of rebuilds; the first ones warm the JIT up). Besides the rate it prints the CPU time per
 * event of the rebuild's threads and of this database's PostgreSQL backends, which a busy machine
 * disturbs less than the rate. The figure of record is the benchmark's.
 */
@EnabledIfSystemProperty(named = "okr.rebuild.benchmark", matches = "\\d+")
class RebuildRateBenchmark extends QueryServiceTest {

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EventLog log;

    /** USER_HZ of /proc/PID/stat on Linux. */
    private static final double TICKS_PER_SECOND = 100;

    @Test
    void rebuildRate() {
        // 500 objectives of 4 key results with 20 check-ins each, as the benchmark's organisation
        Random random = new Random(12);
        Quarter q = new Quarter(intake, LocalDate.now(ZoneOffset.UTC).minusWeeks(12), 13);
        List<UUID> keyResults = new ArrayList<>();
        transactions.executeWithoutResult(s -> {
            q.plannedAndActive();
            for (int o = 0; o < 500; o++) {
                UUID objective = q.objective("objective " + o, ObjectiveLevel.TEAM, "team " + o % 20, null);
                for (int k = 0; k < 4; k++) {
                    keyResults.add(q.keyResult(objective, "kr " + o + "." + k, 0, 100));
                }
            }
        });
        for (int round = 0; round < 20; round++) {
            int week = 1 + round * 11 / 20;
            transactions.executeWithoutResult(s -> {
                for (UUID keyResult : keyResults) {
                    q.at(q.week(week)).checkIn(keyResult, q.week(week), random.nextInt(100), 1 + random.nextInt(10));
                }
            });
        }
        // PostgreSQL's share of only reading the log (as the rebuild does, without decoding)
        Map<Integer, Long> readBefore = backendsCpuTicks();
        long read = 0;
        for (List<EventLog.Stored> page = log.storedAfter(0, 2_000);
                !page.isEmpty();
                page = log.storedAfter(page.get(page.size() - 1).position(), 2_000)) {
            read += page.size();
        }
        Map<Integer, Long> readAfter = backendsCpuTicks();
        System.out.printf(
                "[rebuild-benchmark] reading the log alone: PostgreSQL backends %.1f µs CPU per event%n",
                readAfter.entrySet().stream()
                                .mapToLong(e -> e.getValue() - readBefore.getOrDefault(e.getKey(), 0L))
                                .sum()
                        * 1e6
                        / TICKS_PER_SECOND
                        / read);
        int runs = Integer.parseInt(System.getProperty("okr.rebuild.benchmark"));
        for (int run = 1; run <= runs; run++) {
            long javaBefore = rebuildThreadsCpuNanos();
            Map<Integer, Long> postgresBefore = backendsCpuTicks();
            assertThat(post("/api/admin/rebuild").status()).isEqualTo(202);
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(
                                    ok("/api/admin/rebuild").get("state").asString())
                            .isNotEqualTo("RUNNING"));
            JsonNode status = ok("/api/admin/rebuild");
            long events = status.get("eventsDone").asLong();
            double javaMicros = (rebuildThreadsCpuNanos() - javaBefore) / 1e3 / events;
            Map<Integer, Long> postgresAfter = backendsCpuTicks();
            long ticks = postgresAfter.entrySet().stream()
                    .mapToLong(e -> e.getValue() - postgresBefore.getOrDefault(e.getKey(), 0L))
                    .sum();
            double postgresMicros = ticks * 1e6 / TICKS_PER_SECOND / events;
            System.out.printf(
                    "[rebuild-benchmark] run %d: %s, %d events, %.0f events/s; CPU per event: "
                            + "rebuild threads %.1f µs, PostgreSQL backends %.1f µs%n",
                    run,
                    status.get("state").asString(),
                    events,
                    status.get("eventsPerSecond").asDouble(),
                    javaMicros,
                    postgresMicros);
            assertThat(status.get("state").asString()).isEqualTo("COMPLETED");
        }
    }

    private static long rebuildThreadsCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().startsWith("read-model-rebuild")) {
                nanos += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return nanos;
    }

    /** utime + stime of each backend connected to this test's database (the pool keeps them). */
    private Map<Integer, Long> backendsCpuTicks() {
        Map<Integer, Long> ticks = new HashMap<>();
        for (Integer pid : jdbc.sql("select pid from pg_stat_activity where datname = current_database()")
                .query(Integer.class)
                .list()) {
            try {
                String stat = Files.readString(Path.of("/proc", pid.toString(), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.put(pid, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
            } catch (IOException gone) {
                // a backend that ended meanwhile
            }
        }
        return ticks;
    }
}
