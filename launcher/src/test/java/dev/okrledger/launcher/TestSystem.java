package dev.okrledger.launcher;

import dev.okrledger.embedded.EmbeddedKafka;
import dev.okrledger.embedded.EmbeddedPostgresServer;
import dev.okrledger.embedded.SharedTestInfrastructure;
import dev.okrledger.security.OkrUser;
import dev.okrledger.security.Role;
import dev.okrledger.security.TokenKeys;
import dev.okrledger.security.TokenMinter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A whole system on the shared test PostgreSQL and Kafka, with fresh databases and topics. Public, and
 * in the launcher's test jar, for the tools' tests that run against a whole system.
 */
public final class TestSystem {

    private TestSystem() {}

    private static final Path KEY_DIR = tempDir();
    private static final TokenMinter TOKENS = new TokenMinter(TokenKeys.loadOrCreate(KEY_DIR));

    /** A bearer token for an admin called test-user, trusted by every test system. */
    public static String adminBearer() {
        return "Bearer "
                + TOKENS.mint(new OkrUser("test-user", "Test User", Set.of(), Set.of(Role.ADMIN)), Duration.ofHours(2));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("okr-test-keys");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static EmbeddedSystem start() {
        return start(Map.of());
    }

    /** @param extraArguments further {@code --key=value} settings for every service */
    static EmbeddedSystem start(String... extraArguments) {
        return start(Map.of(), extraArguments);
    }

    /**
     * @param ports fixed ports per service (the others pick a free one)
     * @param extraArguments further {@code --key=value} settings for every service
     */
    static EmbeddedSystem start(Map<Service, Integer> ports, String... extraArguments) {
        return start(
                SharedTestInfrastructure.postgres(),
                SharedTestInfrastructure.kafka(),
                Map.of(
                        Service.COMMAND,
                        SharedTestInfrastructure.freshDatabaseName("cmd"),
                        Service.QUERY,
                        SharedTestInfrastructure.freshDatabaseName("query"),
                        Service.NOTIFIER,
                        SharedTestInfrastructure.freshDatabaseName("notifier"),
                        Service.DASHBOARD,
                        SharedTestInfrastructure.freshDatabaseName("dashboard")),
                ports,
                extraArguments);
    }

    /** On a PostgreSQL server and broker of the test's own (which it may stop), each service in its usual database. */
    static EmbeddedSystem startOn(EmbeddedPostgresServer postgres, EmbeddedKafka kafka, String... extraArguments) {
        return start(
                postgres,
                kafka,
                Map.of(
                        Service.COMMAND,
                        Service.COMMAND.database(),
                        Service.QUERY,
                        Service.QUERY.database(),
                        Service.NOTIFIER,
                        Service.NOTIFIER.database(),
                        Service.DASHBOARD,
                        Service.DASHBOARD.database()),
                Map.of(),
                extraArguments);
    }

    private static EmbeddedSystem start(
            EmbeddedPostgresServer postgres,
            EmbeddedKafka kafka,
            Map<Service, String> databases,
            Map<Service, Integer> ports,
            String... extraArguments) {
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--spring.kafka.consumer.properties.metadata.max.age.ms=1000"));
        arguments.addAll(List.of(extraArguments));
        EmbeddedSystem.Settings settings = new EmbeddedSystem.Settings(
                postgres,
                kafka,
                databases,
                ports,
                SharedTestInfrastructure.uniqueTopicName("okr.events"),
                SharedTestInfrastructure.uniqueTopicName("okr.alerts"),
                KEY_DIR,
                arguments);
        return new EmbeddedSystem(settings).startAll();
    }
}
