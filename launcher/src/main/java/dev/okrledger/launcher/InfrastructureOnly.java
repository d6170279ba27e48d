package dev.okrledger.launcher;

import dev.okrledger.embedded.EmbeddedKafka;
import dev.okrledger.embedded.EmbeddedPostgresServer;
import dev.okrledger.security.TokenKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code okr-ledger.jar infra}: only the embedded PostgreSQL and Kafka, for running each service
 * as its own process (its executable jar) against them. Writes one properties file per service into
 * {@code <data-dir>/services/}, for {@code --spring.config.additional-location=file:…}, and prints the
 * commands.
 *
 * <p>The services listen on loopback unless told otherwise, as in the embedded default ({@link Access}).
 * Tokens: by default the services trust the key pair in {@code <data-dir>/keys} and the command
 * service mints tokens with it ({@code POST /api/dev/tokens}), as in the embedded default. With
 * {@code --issuer=URL} (and optionally {@code --audience=NAME}) they trust that OpenID provider
 * instead and no service mints tokens.
 */
final class InfrastructureOnly {

    /** Where the data lives, the ports of PostgreSQL and Kafka, and who reaches the services the settings are for. */
    record Options(Path dataDir, int postgresPort, int kafkaPort, Access access) {}

    /** The infrastructure, started; close it to stop both. */
    record Running(EmbeddedPostgresServer postgres, EmbeddedKafka kafka, Map<Service, Path> settingsFiles)
            implements AutoCloseable {

        @Override
        public void close() {
            kafka.close();
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private InfrastructureOnly() {}

    static Running start(Options options) {
        EmbeddedPostgresServer postgres =
                EmbeddedPostgresServer.start(options.dataDir().resolve("postgres"), options.postgresPort(), true);
        EmbeddedKafka kafka;
        try {
            kafka = EmbeddedKafka.start(options.dataDir().resolve("kafka"), options.kafkaPort());
        } catch (RuntimeException e) {
            closeQuietly(postgres);
            throw e;
        }
        Path keyDir = options.dataDir().resolve("keys");
        if (options.access().issuer() == null) {
            TokenKeys.loadOrCreate(keyDir);
        }
        Map<Service, Path> files = new java.util.EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            postgres.ensureDatabase(service.database());
            ServiceSettings settings = new ServiceSettings(
                    service,
                    postgres.jdbcUrl(service.database()),
                    postgres.username(),
                    kafka.bootstrapServers(),
                    "okr.events",
                    "okr.alerts",
                    keyDir,
                    options.access());
            files.put(service, writeSettings(options, service, settings));
        }
        return new Running(postgres, kafka, files);
    }

    private static Path writeSettings(Options options, Service service, ServiceSettings settings) {
        List<String> lines = new ArrayList<>();
        settings.properties().forEach((key, value) -> lines.add(key + "=" + value));
        if (service == Service.DASHBOARD) {
            // the services on their usual ports, as the printed commands start them
            ServiceSettings.upstreamUrls("http://localhost:8081", "http://localhost:8082", "http://localhost:8083")
                    .forEach((key, value) -> lines.add(key + "=" + value));
        }
        try {
            Path dir = Files.createDirectories(options.dataDir().resolve("services"));
            return Files.write(dir.resolve(service.title() + ".properties"), lines)
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What to run next, for a person at the terminal. */
    static String instructions(Running running, Options options) {
        StringBuilder text = new StringBuilder();
        text.append("\nOKR Ledger infrastructure is up (nothing else runs in this process)\n")
                .append("  PostgreSQL  localhost:")
                .append(running.postgres().port())
                .append(" (databases okr_command, okr_query, okr_notifier, okr_dashboard; user postgres, no password,"
                        + " local only)\n")
                .append("  Kafka       ")
                .append(running.kafka().bootstrapServers())
                .append('\n')
                .append(
                        "\nStart each service as its own process, from the repository root (after ./mvnw -q -DskipTests package):\n");
        for (Service service : Service.values()) {
            text.append("  java -jar ")
                    .append(service.title())
                    .append("/target/")
                    .append(service.title())
                    .append("-*-exec.jar --spring.config.additional-location=file:")
                    .append(running.settingsFiles().get(service))
                    .append('\n');
        }
        text.append("\nSettings in those files (add --server.port=N to run a second instance of a service):\n");
        for (Service service : Service.values()) {
            text.append("  ").append(service.title()).append(":\n");
            try {
                for (String line : Files.readAllLines(running.settingsFiles().get(service))) {
                    text.append("    ").append(line).append('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Access access = options.access();
        text.append(
                access.issuer() != null
                        ? "\nTokens: from " + access.issuer() + " (no service mints tokens in this mode).\n"
                        : access.mintsTokens()
                                ? "\nTokens: POST http://" + access.urlHost()
                                        + ":8081/api/dev/tokens on the command service, signed with"
                                        + " the key pair in "
                                        + options.dataDir().resolve("keys").toAbsolutePath()
                                        + " (the other services trust its public key).\n"
                                : "\nTokens: none are minted (the services listen on " + access.listenAddress()
                                        + "); they trust the key" + " pair in "
                                        + options.dataDir().resolve("keys").toAbsolutePath() + ".\n");
        return text.append("Stop with Ctrl+C; data stays in ")
                .append(options.dataDir().toAbsolutePath())
                .append(".\n")
                .toString();
    }

    private static void closeQuietly(EmbeddedPostgresServer postgres) {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // already failing; the first error is the one to report
        }
    }
}
