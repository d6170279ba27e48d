package dev.okrledger.tools.benchmark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code okr-ledger-tools.jar benchmark-scaling}: one instance of each service against two. */
@Command(
        name = "benchmark-scaling",
        abbreviateSynopsis = true,
        description = {
            "Runs the services in this JVM and compares one instance with "
                    + "two: check-ins accepted per second at saturation through one and two command services, and how fast one "
                    + "and two instances of each consumer drain a backlog. Takes the benchmark's options; --objectives and "
                    + "--saturation-seconds matter here."
        })
public final class ScalingCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    BenchmarkOptions.Arguments arguments;

    @Override
    public Integer call() throws Exception {
        ScalingBenchmark.run(BenchmarkCommand.checked(spec, arguments));
        return 0;
    }
}
