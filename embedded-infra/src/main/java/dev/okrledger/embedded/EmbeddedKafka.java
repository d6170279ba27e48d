package dev.okrledger.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one process) running inside this
 * JVM: no ZooKeeper, no Docker, no install. Its log lives in a directory of the caller's choosing,
 * so data survives a restart when the same directory is used again.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path dataDir;
    private final int brokerPort;
    private final int controllerPort;

    private EmbeddedKafka(KafkaRaftServer server, Path dataDir, int brokerPort, int controllerPort) {
        this.server = server;
        this.bootstrapServers = "localhost:" + brokerPort;
        this.dataDir = dataDir;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
    }

    /**
     * Formats {@code dataDir} on first use and starts the broker.
     *
     * @param port the client port, or 0 for a free one
     */
    public static EmbeddedKafka start(Path dataDir, int port) {
        if (port != 0) {
            // a fixed client port implies a fixed controller port next to it, stable across restarts
            return start(dataDir, port, port + 1);
        }
        int[] ports = FreePorts.distinct(2);
        return start(dataDir, ports[0], ports[1]);
    }

    /**
     * Starts the broker again, after {@link #close()}, on the same log and ports: producers and
     * consumers reconnect to what they knew. For fault tests (a broker outage).
     */
    public EmbeddedKafka startAgain() {
        return start(dataDir, brokerPort, controllerPort);
    }

    private static EmbeddedKafka start(Path dataDir, int brokerPort, int controllerPort) {
        try {
            Files.createDirectories(dataDir);
            String logDir = dataDir.toAbsolutePath().toString();
            Properties props = new Properties();
            props.put("process.roles", "broker,controller");
            props.put("node.id", "1");
            props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
            props.put("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
            props.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
            props.put("controller.listener.names", "CONTROLLER");
            props.put("inter.broker.listener.name", "PLAINTEXT");
            props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            props.put("log.dirs", logDir);
            props.put("offsets.topic.replication.factor", "1");
            props.put("offsets.topic.num.partitions", "4");
            props.put("transaction.state.log.replication.factor", "1");
            props.put("transaction.state.log.min.isr", "1");
            props.put("share.coordinator.state.topic.replication.factor", "1");
            props.put("share.coordinator.state.topic.min.isr", "1");
            props.put("group.initial.rebalance.delay.ms", "0");
            props.put("auto.create.topics.enable", "false");
            // The log cleaner's key map is a heap buffer of 128 MiB by default, taken at start-up: a quarter
            // of the embedded default's heap bound, for a broker whose only compacted topics (group offsets,
            // transaction state) hold a few thousand keys. 8 MiB maps about 350,000 keys per pass.
            props.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 << 20));
            KafkaConfig config = new KafkaConfig(props, false);

            if (Files.notExists(dataDir.resolve("meta.properties"))) {
                format(logDir);
            }

            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            EmbeddedKafka kafka = new EmbeddedKafka(server, dataDir, brokerPort, controllerPort);
            kafka.awaitReady();
            log.info("Embedded Kafka ready at {} (data in {})", kafka.bootstrapServers, logDir);
            return kafka;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded Kafka broker in " + dataDir, e);
        }
    }

    /** Formats a new log directory for a one-node cluster; an existing one keeps its cluster id. */
    private static void format(String logDir) throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8))
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setNodeId(1)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDir))
                .setMetadataLogDirectory(logDir)
                .setReleaseVersion(MetadataVersion.latestProduction())
                .setControllerListenerName("CONTROLLER")
                .run();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Creates the topics that do not exist yet; existing ones are left as they are. */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        try (Admin admin = admin()) {
            for (var entry : partitionsByTopic.entrySet()) {
                try {
                    admin.createTopics(List.of(new NewTopic(entry.getKey(), entry.getValue(), (short) 1)))
                            .all()
                            .get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not create topics " + partitionsByTopic.keySet(), e);
        }
    }

    private void awaitReady() throws Exception {
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                60_000));
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
