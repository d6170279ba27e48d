package dev.okrledger.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code okr-ledger.jar}'s command line as a new user meets it: help and version print and start
 * nothing, a typo is an error naming it, and the services listen on loopback unless told otherwise,
 * with dev tokens off on any other address unless the loud option says so. Nothing is started here:
 * the command hands what it parsed to a recording starter.
 */
class OkrLedgerCommandTest {

    private final List<Object> started = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = OkrLedgerCommand.commandLine(started::add, started::add, environment::get);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpListsEveryOptionWithItsDefaultAndStartsNothing() {
        assertThat(run("--help")).isZero();

        assertThat(out.toString())
                .contains(
                        "--demo",
                        "--data-dir",
                        "--listen-address",
                        "Default: 127.0.0.1",
                        "--insecure-dev-sign-in-on-network",
                        "--issuer",
                        "--audience",
                        "--postgres-port",
                        "--kafka-port",
                        "--command-port",
                        "--query-port",
                        "--notifier-port",
                        "--dashboard-port",
                        "--version",
                        "infra",
                        "OKR_DATA_DIR");
        assertThat(started).isEmpty();
    }

    @Test
    void infraHasItsOwnHelp() {
        assertThat(run("infra", "--help")).isZero();

        assertThat(out.toString())
                .contains("--data-dir", "--issuer", "--listen-address", "Default: 127.0.0.1")
                .doesNotContain("--demo");
        assertThat(started).isEmpty();
    }

    @Test
    void versionPrintsAndStartsNothing() {
        assertThat(run("--version")).isZero();

        assertThat(out.toString()).startsWith("OKR Ledger ");
        assertThat(started).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--helpp", "--dmeo", "--data-dri=elsewhere"})
    void aTypoIsAnErrorNamingItWithStatusTwoAndStartsNothing(String typo) {
        assertThat(run(typo)).isEqualTo(2);

        assertThat(err.toString()).contains(typo.split("=")[0]);
        assertThat(started).isEmpty();
    }

    @Test
    void anOptionOfTheEmbeddedDefaultIsNoOptionOfInfra() {
        assertThat(run("infra", "--demo")).isEqualTo(2);

        assertThat(err.toString()).contains("--demo");
        assertThat(started).isEmpty();
    }

    @Test
    void theServicesListenOnLoopbackByDefault() {
        assertThat(run()).isZero();

        OkrLedger.Options options = (OkrLedger.Options) started.get(0);
        assertThat(options.access().listenAddress()).isEqualTo("127.0.0.1");
        assertThat(options.access().loopbackOnly()).isTrue();
        Map<String, String> command = propertiesOf(Service.COMMAND, options.access());
        assertThat(command)
                .containsEntry("server.address", "127.0.0.1")
                .containsEntry("okr.dev-tokens.enabled", "true");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void infraWritesLoopbackIntoEveryServicesSettings() {
        assertThat(run("infra")).isZero();

        InfrastructureOnly.Options options = (InfrastructureOnly.Options) started.get(0);
        for (Service service : Service.values()) {
            assertThat(propertiesOf(service, options.access())).containsEntry("server.address", "127.0.0.1");
        }
    }

    @Test
    void anotherAddressTurnsDevSignInAndDevTokensOffForEveryService() {
        assertThat(run("--listen-address=0.0.0.0")).isZero();

        Access access = ((OkrLedger.Options) started.get(0)).access();
        for (Service service : Service.values()) {
            assertThat(propertiesOf(service, access))
                    .containsEntry("server.address", "0.0.0.0")
                    .containsEntry("okr.dev-tokens.enabled", "false")
                    .containsEntry("okr.dev-sign-in.enabled", "false")
                    .doesNotContainKey("okr.dev-tokens.key-dir");
        }
        // what to configure instead
        assertThat(err.toString()).contains("--issuer").doesNotContain("WARNING");
    }

    @Test
    void theLoudOptionKeepsDevSignInOnAnotherAddressAndWarns() {
        assertThat(run("--listen-address=0.0.0.0", "--insecure-dev-sign-in-on-network"))
                .isZero();

        Access access = ((OkrLedger.Options) started.get(0)).access();
        assertThat(propertiesOf(Service.COMMAND, access)).containsEntry("okr.dev-tokens.enabled", "true");
        // the dashboard's sign-in page, which moved there from the query service
        assertThat(propertiesOf(Service.DASHBOARD, access)).containsEntry("okr.dev-sign-in.enabled", "true");
        assertThat(err.toString()).contains("WARNING", "0.0.0.0", "ADMIN token");
    }

    @Test
    void theDemoNeedsDevTokensSoItIsRefusedOnAnotherAddress() {
        assertThat(run("--demo", "--listen-address=0.0.0.0")).isEqualTo(2);

        assertThat(err.toString()).contains("--demo", "--insecure-dev-sign-in-on-network");
        assertThat(started).isEmpty();
    }

    @Test
    void withAnIssuerTheServicesTrustItsTokensAndNobodyMintsAny() {
        assertThat(run("--issuer=http://localhost:8180/realms/okr", "--audience=okr-ledger-api"))
                .isZero();

        Access access = ((OkrLedger.Options) started.get(0)).access();
        assertThat(propertiesOf(Service.QUERY, access))
                .containsEntry(
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri", "http://localhost:8180/realms/okr")
                .containsEntry("spring.security.oauth2.resourceserver.jwt.audiences", "okr-ledger-api")
                .containsEntry("okr.dev-tokens.enabled", "false")
                .doesNotContainKey("spring.security.oauth2.resourceserver.jwt.public-key-location");
    }

    @Test
    void anAudienceWithoutAnIssuerIsRefused() {
        assertThat(run("infra", "--audience=okr-ledger-api")).isEqualTo(2);

        assertThat(err.toString()).contains("--audience needs --issuer");
        assertThat(started).isEmpty();
    }

    @Test
    void portsAndTheDataFolderAreOptions() {
        assertThat(run("--command-port=9181", "--postgres-port=25432", "--data-dir=elsewhere"))
                .isZero();

        OkrLedger.Options options = (OkrLedger.Options) started.get(0);
        assertThat(options.ports()).containsEntry(Service.COMMAND, 9181);
        assertThat(options.postgresPort()).isEqualTo(25432);
        assertThat(options.dataDir()).isEqualTo(Path.of("elsewhere"));
    }

    @Test
    void theEnvironmentVariablesOfTheReadmeSetTheDefaults() {
        environment.put("OKR_COMMAND_PORT", "9181");
        environment.put("OKR_DATA_DIR", "from-the-environment");

        assertThat(run()).isZero();

        OkrLedger.Options options = (OkrLedger.Options) started.get(0);
        assertThat(options.ports()).containsEntry(Service.COMMAND, 9181);
        assertThat(options.dataDir()).isEqualTo(Path.of("from-the-environment"));
    }

    @Test
    void aBlankEnvironmentVariableCountsAsNotSet() {
        environment.put("OKR_DATA_DIR", " ");
        environment.put("OKR_POSTGRES_PORT", "");

        assertThat(run("infra")).isZero();

        InfrastructureOnly.Options options = (InfrastructureOnly.Options) started.get(0);
        assertThat(options.dataDir()).isEqualTo(Path.of("data"));
        assertThat(options.postgresPort()).isEqualTo(15432);
    }

    private static Map<String, String> propertiesOf(Service service, Access access) {
        return new ServiceSettings(
                        service,
                        "jdbc:postgresql://localhost:15432/" + service.database(),
                        "postgres",
                        "localhost:9092",
                        "okr.events",
                        "okr.alerts",
                        Path.of("data", "keys"),
                        access)
                .properties();
    }
}
