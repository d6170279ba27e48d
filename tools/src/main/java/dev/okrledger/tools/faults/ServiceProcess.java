package dev.okrledger.tools.faults;

import dev.okrledger.tools.client.ProcFs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * One service instance as an operating-system process of its own, as it runs in production: it can
 * be killed without warning ({@code kill -9}), stopped politely, and started again with the same
 * command. Its output goes to a log file.
 */
final class ServiceProcess {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final List<String> command;
    private final Path log;
    private Process process;

    ServiceProcess(String name, int port, List<String> launch, Path settings, Path log) {
        this.name = name;
        this.port = port;
        this.log = log;
        List<String> command = new ArrayList<>(launch);
        command.addAll(List.of(
                "--spring.config.additional-location=file:" + settings.toAbsolutePath(),
                "--server.port=" + port,
                "--spring.kafka.client-id=" + name,
                // each process its own owner of publisher segments, as on separate machines
                "--okr.token-store.node-id=" + name,
                "--spring.main.banner-mode=off"));
        this.command = List.copyOf(command);
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    synchronized void start() {
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /** {@code kill -9}: no shutdown hook, no commit, no goodbye to the consumer group. */
    synchronized void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM: Spring closes the context, consumers leave their group. */
    synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            awaitExit();
        }
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The peak resident set of the running process (VmHWM), in MiB; empty when it is not running or not on Linux. */
    synchronized OptionalLong peakResidentMiB() {
        return process == null || !process.isAlive() ? OptionalLong.empty() : ProcFs.peakResidentMiB(process.pid());
    }

    /** True when {@code /actuator/health} answers UP. */
    boolean isHealthy() {
        try {
            HttpResponse<String> answer = HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                            .timeout(Duration.ofSeconds(3))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void awaitHealthy(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!isHealthy()) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not healthy after " + patience.toSeconds() + " s; see " + log);
            }
            Thread.sleep(250);
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
