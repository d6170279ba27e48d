package dev.okrledger.tools;

import dev.okrledger.tools.benchmark.BenchmarkCommand;
import dev.okrledger.tools.benchmark.ScalingCommand;
import dev.okrledger.tools.faults.FaultsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;

/**
 * {@code okr-ledger-tools.jar}: the benchmark and the fault-injection suite. They start the product
 * (the embedded default as a process, or the services in this JVM or as processes of their own) and
 * drive it from outside, over HTTP, Kafka and the databases; the product knows nothing of them.
 */
@Command(
        name = "okr-ledger-tools.jar",
        mixinStandardHelpOptions = true,
        versionProvider = ToolsVersion.class,
        showDefaultValues = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        scope = CommandLine.ScopeType.INHERIT,
        subcommands = {BenchmarkCommand.class, ScalingCommand.class, FaultsCommand.class},
        description = {
            "The benchmark and the fault-injection suite of OKR Ledger. Run from the repository root "
                    + "after ./mvnw -q -DskipTests package: they start launcher/target/okr-ledger.jar and the services' jars."
        })
public final class Tools implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        // a run ends here, with whatever threads its clients left behind
        System.exit(commandLine().execute(args));
    }

    /** The tools' command line, its three commands under it. */
    public static CommandLine commandLine() {
        return new CommandLine(new Tools()).setParameterExceptionHandler(Tools::mistake);
    }

    /** A mistake on the command line: what was wrong, a guess at what was meant, where the help is; status 2. */
    private static int mistake(ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println(e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Every option, with its default: java -jar okr-ledger-tools.jar "
                + (cli.getParent() != null ? cli.getCommandName() + " " : "") + "--help");
        return cli.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: benchmark, benchmark-scaling or faults");
    }
}
