package dev.okrledger.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One PostgreSQL server and one Kafka broker per test JVM, started on first use and stopped when the
 * JVM exits. Each test context asks for a fresh database and its own topic names, so that tokens,
 * events and offsets of one test never leak into another.
 */
public final class SharedTestInfrastructure {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgresServer postgres;
    private static EmbeddedKafka kafka;

    private SharedTestInfrastructure() {}

    public static synchronized EmbeddedPostgresServer postgres() {
        if (postgres == null) {
            postgres = EmbeddedPostgresServer.start(tempDir("okr-test-pg"), 0, false);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return postgres;
    }

    public static synchronized EmbeddedKafka kafka() {
        if (kafka == null) {
            kafka = EmbeddedKafka.start(tempDir("okr-test-kafka"), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
        }
        return kafka;
    }

    /** A new, empty database on the shared server; returns its JDBC URL. */
    public static String freshDatabase(String prefix) {
        return postgres().jdbcUrl(freshDatabaseName(prefix));
    }

    /** A new, empty database on the shared server; returns its name. */
    public static String freshDatabaseName(String prefix) {
        String name = prefix + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        postgres().ensureDatabase(name);
        return name;
    }

    /** A unique topic name with the given prefix, not created: the services create their topics. */
    public static String uniqueTopicName(String prefix) {
        return prefix + "." + ProcessHandle.current().pid() + "." + COUNTER.incrementAndGet();
    }

    /** A unique topic name with the given prefix, created with the given partitions. */
    public static String freshTopic(String prefix, int partitions) {
        String name = uniqueTopicName(prefix);
        kafka().createTopics(Map.of(name, partitions));
        return name;
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
