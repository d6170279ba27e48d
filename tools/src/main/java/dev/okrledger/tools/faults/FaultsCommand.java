package dev.okrledger.tools.faults;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code okr-ledger-tools.jar faults}: the fault-injection suite ({@link Suite}); exit status 1 when a case failed. */
@Command(
        name = "faults",
        abbreviateSynopsis = true,
        description = {
            "Starts PostgreSQL and Kafka in this JVM and each service as a process of its "
                    + "own, injects each fault in turn under a check-in load and checks that nothing acknowledged is lost or "
                    + "doubled and that the system recovers; prints a table and writes JSON. Exit status 1 when a case failed. "
                    + "All cases take about 20 minutes on two cores."
        })
public final class FaultsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    FaultOptions.Arguments arguments;

    @Override
    public Integer call() throws Exception {
        FaultOptions options;
        try {
            options = arguments.options();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return Suite.runAndReport(options);
    }
}
