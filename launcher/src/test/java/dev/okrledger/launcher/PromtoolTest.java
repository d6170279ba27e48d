package dev.okrledger.launcher;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Prometheus configuration and alerting rules, checked and unit-tested by Prometheus's own
 * {@code promtool} (Debian: {@code apt-get install prometheus}). Skipped, saying so, where it is not on the PATH.
 */
class PromtoolTest {

    private static Path promtool;

    @BeforeAll
    static void findPromtool() {
        promtool = onPath("promtool");
        Assumptions.assumeTrue(
                promtool != null,
                "promtool is not on the PATH (apt-get install -y prometheus): rules not checked by Prometheus");
    }

    @Test
    void theRulesAreValid() {
        assertThat(run("check", "rules", "alert-rules.yml")).contains("SUCCESS: 6 rules found");
    }

    @Test
    void theConfigurationIsValidAndFindsTheRules() {
        assertThat(run("check", "config", "prometheus.yml")).contains("SUCCESS: 1 rule files found");
    }

    @Test
    void theRulesPassTheirUnitTests() {
        assertThat(run("test", "rules", "alert-rules.test.yml")).contains("SUCCESS");
    }

    /** Runs promtool in deploy/prometheus; fails the test with promtool's output unless it exits 0. */
    private static String run(String... args) {
        List<String> command = new ArrayList<>(List.of(promtool.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command)
                    .directory(DeployFiles.path("deploy/prometheus").toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue())
                    .as("promtool %s:%n%s", String.join(" ", args), output)
                    .isZero();
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
