package dev.okrledger.tools;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The tools' command line: the same commands and options as before, help and version, typos refused with status 2. */
class ToolsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Tools.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpNamesTheThreeCommands() {
        assertThat(run("--help")).isZero();

        assertThat(out.toString()).contains("benchmark", "benchmark-scaling", "faults", "--version");
    }

    @Test
    void versionPrints() {
        assertThat(run("--version")).isZero();

        assertThat(out.toString()).startsWith("OKR Ledger tools ");
    }

    @Test
    void theBenchmarkListsItsOptionsWithTheirDefaults() {
        assertThat(run("benchmark", "--help")).isZero();

        assertThat(out.toString())
                .contains(
                        "--objectives",
                        "Default: 500",
                        "--warmup-seconds",
                        "--system-heap",
                        "Default: 384m",
                        "--profile",
                        "--board-objectives",
                        "--json",
                        "--work-dir",
                        "--system-jar");
    }

    @Test
    void theFaultSuiteListsItsCases() {
        assertThat(run("faults", "--help")).isZero();

        assertThat(out.toString())
                .contains(
                        "--cases",
                        "kill-command",
                        "webhook-fails",
                        "--launch",
                        "Default: jars",
                        "--patience-seconds",
                        "Default: 240");
    }

    @Test
    void aTypoIsRefusedWithStatusTwoAndNamed() {
        assertThat(run("benchmark", "--objectivs=10")).isEqualTo(2);

        assertThat(err.toString()).contains("--objectivs");
    }

    @Test
    void aValueOutOfRangeIsRefusedWithStatusTwoAndNamed() {
        assertThat(run("faults", "--rate=0")).isEqualTo(2);

        assertThat(err.toString()).contains("--rate must be at least 1");
    }

    @Test
    void noCommandIsAMistake() {
        assertThat(run()).isEqualTo(2);

        assertThat(err.toString()).contains("benchmark, benchmark-scaling or faults");
    }
}
