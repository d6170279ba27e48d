package dev.okrledger.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server from binaries on Maven Central (Zonky), started as a child process of
 * this JVM. Works as root and needs nothing installed.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final boolean durable;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir, boolean durable) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.durable = durable;
    }

    /**
     * @param dataDir where the cluster lives; kept between starts
     * @param port    the server port, or 0 for a free one
     * @param durable false turns fsync off: for throw-away test data only
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, boolean durable) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    // PostgreSQL's own default, said out loud: only this machine reaches the database
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "300")
                    // half of initdb's 128 MB: the embedded default shares one machine with its JVM, and
                    // the operating system's page cache keeps what does not fit (decision 0039)
                    .setServerConfig("shared_buffers", "64MB")
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off");
            if (port != 0) {
                builder.setPort(port);
            }
            return new EmbeddedPostgresServer(builder.start(), dataDir, durable);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start embedded PostgreSQL in " + dataDir, e);
        }
    }

    /**
     * Starts the server again, after {@link #close()}, on the same data and port: clients that
     * reconnect find everything they committed before. For fault tests (a database restart).
     */
    public EmbeddedPostgresServer startAgain() {
        return start(dataDir, port(), durable);
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public String username() {
        return "postgres";
    }

    /** Creates {@code database} unless it exists. */
    public void ensureDatabase(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
