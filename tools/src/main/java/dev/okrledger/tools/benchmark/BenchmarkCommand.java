package dev.okrledger.tools.benchmark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code okr-ledger-tools.jar benchmark}: the figures of docs/performance.md, on a system of its own. */
@Command(
        name = "benchmark",
        abbreviateSynopsis = true,
        description = {
            "Starts the embedded default on fresh data as its own process, builds an "
                    + "organisation through the API and measures each figure of docs/performance.md; prints a table and writes "
                    + "JSON. The defaults take about three minutes on two cores."
        })
public final class BenchmarkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    BenchmarkOptions.Arguments arguments;

    @Override
    public Integer call() throws Exception {
        Benchmark.run(checked(spec, arguments));
        return 0;
    }

    /** The options, or a usage error (exit status 2) naming the one at fault. */
    static BenchmarkOptions checked(CommandSpec spec, BenchmarkOptions.Arguments arguments) {
        try {
            return arguments.options();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
