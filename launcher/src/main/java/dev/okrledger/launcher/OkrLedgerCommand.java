package dev.okrledger.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * The command line of {@code okr-ledger.jar}: the embedded default and {@code infra}, their options
 * with their defaults (environment variables where the README names them), {@code --help} and
 * {@code --version}. It checks what it is given and hands it to a {@link Starter}; a mistake is
 * reported with exit status 2 and nothing is started.
 */
@Command(
        name = "okr-ledger.jar",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        showDefaultValues = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        scope = CommandLine.ScopeType.INHERIT,
        description = {
            "Runs OKR Ledger on its embedded default: PostgreSQL, a Kafka broker, the three services and "
                    + "the dashboard in this JVM, data kept under --data-dir. The services listen on 127.0.0.1 "
                    + "only unless --listen-address says otherwise."
        },
        footer = {
            "",
            "Stop with Ctrl+C; the data stays. Benchmark and fault suite: java -jar "
                    + "tools/target/okr-ledger-tools.jar --help"
        })
final class OkrLedgerCommand implements Callable<Integer> {

    /** Starts what the command line asked for. */
    @FunctionalInterface
    interface Starter<T> {
        void start(T options) throws Exception;
    }

    /** What the embedded default and {@code infra} share: where data lives, PostgreSQL and Kafka, who gets in. */
    static final class Shared {

        @Option(
                names = "--data-dir",
                paramLabel = "DIR",
                defaultValue = "data",
                description = "Where PostgreSQL, Kafka and the token keys keep their data (env OKR_DATA_DIR).")
        Path dataDir;

        @Option(
                names = "--postgres-port",
                paramLabel = "PORT",
                defaultValue = "15432",
                description = "PostgreSQL's port, on loopback (env OKR_POSTGRES_PORT).")
        int postgresPort;

        @Option(
                names = "--kafka-port",
                paramLabel = "PORT",
                defaultValue = "9092",
                description = "Kafka's port, on loopback; its controller takes the next one (env OKR_KAFKA_PORT).")
        int kafkaPort;

        @Option(
                names = "--listen-address",
                paramLabel = "ADDRESS",
                defaultValue = Access.LOOPBACK,
                description = "The address the services listen on. Any other than loopback (0.0.0.0: every "
                        + "interface) turns dev sign-in and dev tokens off.")
        String listenAddress;

        @Option(
                names = "--insecure-dev-sign-in-on-network",
                description = "Keep dev sign-in and dev tokens on with a --listen-address other than loopback: "
                        + "anyone who reaches it can mint an ADMIN token.")
        boolean devSignInOnNetwork;

        @Option(
                names = "--issuer",
                paramLabel = "URL",
                description = "Trust this OpenID provider's tokens instead of minting any (e.g. "
                        + "http://localhost:8180/realms/okr).")
        String issuer;

        @Option(
                names = "--audience",
                paramLabel = "NAME",
                description = "The audience the issuer's tokens must carry (e.g. okr-ledger-api); needs --issuer.")
        String audience;

        Access access(CommandSpec spec) {
            if (audience != null && issuer == null) {
                throw new ParameterException(spec.commandLine(), "--audience needs --issuer");
            }
            if (devSignInOnNetwork && issuer != null) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--insecure-dev-sign-in-on-network and --issuer exclude each other: with an issuer nobody mints tokens");
            }
            Access access = new Access(listenAddress, devSignInOnNetwork, issuer, audience);
            try {
                access.loopbackOnly();
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            return access;
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--demo", description = "Load the sample quarter through the API once the system is up.")
    boolean demo;

    @Mixin
    Shared shared;

    @Option(
            names = "--command-port",
            paramLabel = "PORT",
            defaultValue = "8081",
            description = "command-service's port (env OKR_COMMAND_PORT).")
    int commandPort;

    @Option(
            names = "--query-port",
            paramLabel = "PORT",
            defaultValue = "8082",
            description = "query-service's port (env OKR_QUERY_PORT).")
    int queryPort;

    @Option(
            names = "--notifier-port",
            paramLabel = "PORT",
            defaultValue = "8083",
            description = "notifier's port (env OKR_NOTIFIER_PORT).")
    int notifierPort;

    @Option(
            names = "--dashboard-port",
            paramLabel = "PORT",
            defaultValue = "8080",
            description = "the dashboard's port: the pages people open (env OKR_DASHBOARD_PORT).")
    int dashboardPort;

    private final Starter<OkrLedger.Options> embedded;

    private OkrLedgerCommand(Starter<OkrLedger.Options> embedded) {
        this.embedded = embedded;
    }

    /** {@code okr-ledger.jar} with {@code infra} under it, each starting through its {@link Starter}. */
    static CommandLine commandLine(Starter<OkrLedger.Options> embedded, Starter<InfrastructureOnly.Options> infra) {
        return commandLine(embedded, infra, System::getenv);
    }

    /** @param environment the environment variables, by name (null when not set) */
    static CommandLine commandLine(
            Starter<OkrLedger.Options> embedded,
            Starter<InfrastructureOnly.Options> infra,
            Function<String, String> environment) {
        return new CommandLine(new OkrLedgerCommand(embedded))
                .addSubcommand("infra", new Infra(infra))
                .setDefaultValueProvider(new EnvironmentDefaults(environment))
                .setParameterExceptionHandler(OkrLedgerCommand::mistake);
    }

    /** A mistake on the command line: what was wrong, a guess at what was meant, where the help is; status 2. */
    private static int mistake(ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println(e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Every option, with its default: java -jar okr-ledger.jar "
                + (cli.getParent() != null ? cli.getCommandName() + " " : "") + "--help");
        return cli.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * Defaults from the environment variables the README names ({@code OKR_DATA_DIR}, {@code OKR_*_PORT});
     * one that is set but blank counts as not set, and the option's own default applies.
     */
    private record EnvironmentDefaults(Function<String, String> environment) implements IDefaultValueProvider {

        private static final Map<String, String> VARIABLES = Map.of(
                "--data-dir",
                "OKR_DATA_DIR",
                "--postgres-port",
                "OKR_POSTGRES_PORT",
                "--kafka-port",
                "OKR_KAFKA_PORT",
                "--command-port",
                "OKR_COMMAND_PORT",
                "--query-port",
                "OKR_QUERY_PORT",
                "--notifier-port",
                "OKR_NOTIFIER_PORT",
                "--dashboard-port",
                "OKR_DASHBOARD_PORT");

        @Override
        public String defaultValue(ArgSpec argument) {
            if (!(argument instanceof OptionSpec option) || !VARIABLES.containsKey(option.longestName())) {
                return null;
            }
            String value = environment.apply(VARIABLES.get(option.longestName()));
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    @Override
    public Integer call() throws Exception {
        Access access = shared.access(spec);
        if (demo && !access.mintsTokens()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--demo signs in with a dev token, and there are none "
                            + (access.issuer() != null
                                    ? "with --issuer"
                                    : "on " + access.listenAddress()
                                            + " (add --insecure-dev-sign-in-on-network, or leave out --listen-address)"));
        }
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        ports.put(Service.COMMAND, commandPort);
        ports.put(Service.QUERY, queryPort);
        ports.put(Service.NOTIFIER, notifierPort);
        ports.put(Service.DASHBOARD, dashboardPort);
        access.notice().ifPresent(spec.commandLine().getErr()::println);
        embedded.start(
                new OkrLedger.Options(demo, shared.dataDir, shared.postgresPort, shared.kafkaPort, ports, access));
        return 0;
    }

    @Command(
            name = "infra",
            showDefaultValues = true,
            sortOptions = false,
            description = {
                "Starts PostgreSQL and Kafka only, for running each service as its own process; writes "
                        + "each service's settings to <data-dir>/services/ and prints the commands."
            })
    static final class Infra implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        Shared shared;

        private final Starter<InfrastructureOnly.Options> infra;

        private Infra(Starter<InfrastructureOnly.Options> infra) {
            this.infra = infra;
        }

        @Override
        public Integer call() throws Exception {
            Access access = shared.access(spec);
            access.notice().ifPresent(spec.commandLine().getErr()::println);
            infra.start(new InfrastructureOnly.Options(shared.dataDir, shared.postgresPort, shared.kafkaPort, access));
            return 0;
        }
    }
}
