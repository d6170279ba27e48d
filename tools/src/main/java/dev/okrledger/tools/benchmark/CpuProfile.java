package dev.okrledger.tools.benchmark;

import dev.okrledger.launcher.Service;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code --profile}: a Java Flight Recording of the system under test during one phase (started
 * and stopped with {@code jcmd}), summarised from its execution samples: the share of each service,
 * and in each the library the CPU is spent in (the innermost known library on the stack: its own
 * work or the JDK code it called), every library on the stack (a wrapper such as a servlet filter
 * counts for all it wraps) and the first non-JDK package on top of the stack.
 */
final class CpuProfile {

    /** Libraries worth naming, by package prefix; a sample counts for each one on its stack. */
    private static final Map<String, List<String>> LIBRARIES = libraries();

    private static Map<String, List<String>> libraries() {
        Map<String, List<String>> libraries = new LinkedHashMap<>();
        libraries.put("PostgreSQL JDBC driver", List.of("org.postgresql."));
        libraries.put("HikariCP pool", List.of("com.zaxxer.hikari."));
        libraries.put("Spring JDBC", List.of("org.springframework.jdbc."));
        libraries.put("Spring transactions", List.of("org.springframework.transaction."));
        libraries.put("JSON (Jackson)", List.of("tools.jackson.", "com.fasterxml.jackson."));
        libraries.put("Axon Framework", List.of("org.axonframework."));
        libraries.put(
                "JWT validation (Nimbus, Spring OAuth2)",
                List.of("com.nimbusds.", "org.springframework.security.oauth2."));
        libraries.put("Spring Security filters", List.of("org.springframework.security.web."));
        libraries.put("Spring MVC", List.of("org.springframework.web."));
        libraries.put("Tomcat", List.of("org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat."));
        libraries.put("Bean Validation", List.of("org.hibernate.validator."));
        libraries.put("Kafka clients", List.of("org.apache.kafka.clients."));
        libraries.put("spring-kafka", List.of("org.springframework.kafka."));
        libraries.put("Logging", List.of("ch.qos.logback.", "org.slf4j.", "org.apache.logging."));
        libraries.put("Micrometer", List.of("io.micrometer."));
        libraries.put("Thymeleaf", List.of("org.thymeleaf."));
        libraries.put("OKR Ledger code", List.of("dev.okrledger."));
        return libraries;
    }

    private final Path recording;
    private final long pid;
    private final Map<Integer, Service> httpPorts = new HashMap<>();

    private CpuProfile(Path recording, long pid, SystemProcess system) {
        this.recording = recording;
        this.pid = pid;
        for (Service service : Service.values()) {
            httpPorts.put(system.port(service), service);
        }
    }

    /** Starts a recording in the system's JVM ({@code settings=profile}: a sample every 10 ms per thread). */
    static CpuProfile start(SystemProcess system, Path recording) throws IOException, InterruptedException {
        jcmd(
                system.pid(),
                "JFR.start",
                "name=okr-benchmark",
                "settings=profile",
                "filename=" + recording.toAbsolutePath());
        return new CpuProfile(recording, system.pid(), system);
    }

    /** Stops the recording (which writes the file) and summarises it. */
    Map<String, Object> stopAndSummarise() throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=okr-benchmark");
        return summarise();
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> line =
                new java.util.ArrayList<>(List.of(Files.exists(jcmd) ? jcmd.toString() : "jcmd", Long.toString(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
        }
    }

    Map<String, Object> summarise() throws IOException {
        Map<String, Integer> byService = new HashMap<>();
        Map<String, Map<String, Integer>> librariesByService = new HashMap<>();
        Map<String, Map<String, Integer>> innermostByService = new HashMap<>();
        Map<String, Map<String, Integer>> topPackageByService = new HashMap<>();
        Map<String, Integer> topFrames = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            RecordedStackTrace stack = event.getStackTrace();
            String thread = event.getThread("sampledThread") == null
                    ? ""
                    : String.valueOf(event.getThread("sampledThread").getJavaName());
            String service = serviceOf(thread, stack.getFrames());
            byService.merge(service, 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            String firstOwnPackage = null;
            String innermost = null;
            for (RecordedFrame frame : stack.getFrames()) {
                String type = frame.getMethod().getType().getName();
                String library = libraryOf(type);
                if (library != null) {
                    seen.add(library);
                    innermost = innermost == null ? library : innermost;
                }
                if (firstOwnPackage == null && !isJdk(type)) {
                    firstOwnPackage = packageOf(type);
                }
            }
            innermostByService
                    .computeIfAbsent(service, s -> new HashMap<>())
                    .merge(innermost == null ? "JDK or other" : innermost, 1, Integer::sum);
            seen.forEach(library -> librariesByService
                    .computeIfAbsent(service, s -> new HashMap<>())
                    .merge(library, 1, Integer::sum));
            topPackageByService
                    .computeIfAbsent(service, s -> new HashMap<>())
                    .merge(firstOwnPackage == null ? "JDK only" : firstOwnPackage, 1, Integer::sum);
            if (!stack.getFrames().isEmpty()) {
                RecordedFrame top = stack.getFrames().get(0);
                topFrames.merge(
                        top.getMethod().getType().getName() + "."
                                + top.getMethod().getName(),
                        1,
                        Integer::sum);
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("recording", recording.toAbsolutePath().toString());
        summary.put("executionSamples", samples);
        Map<String, Object> services = new LinkedHashMap<>();
        int total = samples;
        byService.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(12)
                .forEach(e -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("shareOfSamples", share(e.getValue(), total));
                    row.put(
                            "innermostLibrary",
                            shares(innermostByService.getOrDefault(e.getKey(), Map.of()), e.getValue(), 10));
                    row.put(
                            "librariesOnStack",
                            shares(librariesByService.getOrDefault(e.getKey(), Map.of()), e.getValue(), 10));
                    row.put(
                            "firstNonJdkPackage",
                            shares(topPackageByService.getOrDefault(e.getKey(), Map.of()), e.getValue(), 8));
                    services.put(e.getKey(), row);
                });
        summary.put("byService", services);
        summary.put("topFrames", shares(topFrames, total, 15));
        return summary;
    }

    private String serviceOf(String thread, List<RecordedFrame> frames) {
        if (thread.startsWith("http-nio-")) {
            String port = thread.substring("http-nio-".length()).replaceAll("-.*", "");
            Service service = port.matches("\\d+") ? httpPorts.get(Integer.parseInt(port)) : null;
            if (service != null) {
                return service.title();
            }
        }
        if (thread.startsWith("query-service")) {
            return Service.QUERY.title();
        }
        if (thread.startsWith("notifier")) {
            return Service.NOTIFIER.title();
        }
        if (thread.contains("[kafka-publisher]") || thread.startsWith("EmbeddedEventStore")) {
            return Service.COMMAND.title();
        }
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (Service service : Service.values()) {
                if (type.startsWith("dev.okrledger." + service.title().replace("-service", "") + ".")) {
                    return service.title();
                }
            }
            if (type.startsWith("kafka.")
                    || type.startsWith("org.apache.kafka.server.")
                    || type.startsWith("org.apache.kafka.storage.")
                    || type.startsWith("org.apache.kafka.raft.")
                    || type.startsWith("org.apache.kafka.coordinator.")
                    || type.startsWith("org.apache.kafka.network.")) {
                return SystemCpu.BROKER;
            }
        }
        if (thread.startsWith("kafka-producer-network-thread")) {
            return SystemCpu.KAFKA_CLIENTS + " (" + thread.replaceAll(".*\\| ", "") + ")";
        }
        return thread.isEmpty() ? "unknown" : "other: " + thread.replaceAll("\\d+", "#");
    }

    private static String libraryOf(String type) {
        for (var library : LIBRARIES.entrySet()) {
            if (library.getValue().stream().anyMatch(type::startsWith)) {
                return library.getKey();
            }
        }
        return null;
    }

    private static boolean isJdk(String type) {
        return type.startsWith("java.")
                || type.startsWith("jdk.")
                || type.startsWith("sun.")
                || type.startsWith("javax.")
                || type.startsWith("com.sun.");
    }

    private static String packageOf(String type) {
        String[] parts = type.split("\\.");
        return String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, parts.length - 1)));
    }

    private static Map<String, Object> shares(Map<String, Integer> counts, int total, int limit) {
        Map<String, Object> shares = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit)
                .forEach(e -> shares.put(e.getKey(), share(e.getValue(), total)));
        return shares;
    }

    private static double share(int count, int total) {
        return total == 0 ? Double.NaN : Math.round(count * 1000.0 / total) / 10.0;
    }
}
