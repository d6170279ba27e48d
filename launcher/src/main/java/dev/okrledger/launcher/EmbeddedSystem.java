package dev.okrledger.launcher;

import dev.okrledger.embedded.EmbeddedKafka;
import dev.okrledger.embedded.EmbeddedPostgresServer;
import dev.okrledger.security.TokenKeys;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The services in this JVM (the three services and the dashboard), on a PostgreSQL server (one
 * database each) and a Kafka broker that the caller provides. Services can be stopped and started one
 * by one; the dashboard is told where the others answer when it starts.
 */
public final class EmbeddedSystem implements AutoCloseable {

    /**
     * @param databaseNames  database per service on {@code postgres}; created when missing; a service
     *                       not named uses its usual one ({@link Service#database()})
     * @param ports          HTTP port per service; 0 picks a free one
     * @param keyDir         where the token signing key pair lives (created on first start); the
     *                       services trust its public key and the command service mints tokens with it
     * @param extraArguments further {@code --key=value} settings for every service
     * @param access         where the services listen and whose tokens they trust
     */
    public record Settings(
            EmbeddedPostgresServer postgres,
            EmbeddedKafka kafka,
            Map<Service, String> databaseNames,
            Map<Service, Integer> ports,
            String eventsTopic,
            String alertsTopic,
            Path keyDir,
            List<String> extraArguments,
            Access access) {

        /** On loopback, with the launcher's own tokens ({@link Access#LOCAL}). */
        public Settings(
                EmbeddedPostgresServer postgres,
                EmbeddedKafka kafka,
                Map<Service, String> databaseNames,
                Map<Service, Integer> ports,
                String eventsTopic,
                String alertsTopic,
                Path keyDir,
                List<String> extraArguments) {
            this(postgres, kafka, databaseNames, ports, eventsTopic, alertsTopic, keyDir, extraArguments, Access.LOCAL);
        }
    }

    private final Settings settings;
    private final Map<Service, ConfigurableApplicationContext> running = new EnumMap<>(Service.class);
    private final List<Instance> extraInstances = new ArrayList<>();

    /** A further instance of a service, started by {@link #startAnother(Service)}. */
    public static final class Instance implements AutoCloseable {
        private final Service service;
        private final ConfigurableApplicationContext context;
        private final String host;

        private Instance(Service service, ConfigurableApplicationContext context, String host) {
            this.service = service;
            this.context = context;
            this.host = host;
        }

        public Service service() {
            return service;
        }

        public String baseUrl() {
            return "http://" + host + ":"
                    + ((WebServerApplicationContext) context).getWebServer().getPort();
        }

        public boolean isRunning() {
            return context.isActive();
        }

        @Override
        public void close() {
            context.close();
        }
    }

    public EmbeddedSystem(Settings settings) {
        this.settings = settings;
        for (Service service : Service.values()) {
            settings.postgres().ensureDatabase(database(service));
        }
        TokenKeys.loadOrCreate(settings.keyDir());
    }

    public EmbeddedSystem startAll() {
        for (Service service : Service.values()) {
            start(service);
        }
        return this;
    }

    public synchronized void start(Service service) {
        if (running.containsKey(service)) {
            return;
        }
        running.put(service, run(service, settings.ports().getOrDefault(service, 0), List.of()));
    }

    /**
     * One more instance of {@code service} on the same database and topics, as a second process of
     * it would be: command-service instances share the event store, consumer instances join the
     * same consumer group. Closing the instance stops it; {@link #close()} stops any still running.
     */
    public synchronized Instance startAnother(Service service) {
        int number = extraInstances.size() + 2;
        // its own Kafka client id and token-store owner, as a separate process would have: client
        // metrics stay apart, and segment claims of the publisher are really exclusive
        String name = service.title() + "-" + number;
        Instance instance = new Instance(
                service,
                run(
                        service,
                        0,
                        List.of(
                                "--spring.kafka.client-id=" + name,
                                "--okr.token-store.node-id=" + name + "@"
                                        + ProcessHandle.current().pid())),
                settings.access().urlHost());
        extraInstances.add(instance);
        return instance;
    }

    private ConfigurableApplicationContext run(Service service, int port, List<String> instanceArguments) {
        ServiceSettings serviceSettings = new ServiceSettings(
                service,
                settings.postgres().jdbcUrl(database(service)),
                settings.postgres().username(),
                settings.kafka().bootstrapServers(),
                settings.eventsTopic(),
                settings.alertsTopic(),
                settings.keyDir(),
                settings.access());
        List<String> args = new ArrayList<>();
        serviceSettings.properties().forEach((key, value) -> args.add("--" + key + "=" + value));
        args.add("--server.port=" + port);
        args.add("--" + AxonOnlyInCommandService.PROPERTY + "=" + service.usesAxon());
        args.add("--" + SessionsOnlyInDashboard.PROPERTY + "=" + (service == Service.DASHBOARD));
        args.add("--spring.main.banner-mode=off");
        if (service == Service.DASHBOARD) {
            // the pages read and act through the other services' APIs, wherever they listen
            ServiceSettings.upstreamUrls(
                            upstreamUrl(Service.COMMAND), upstreamUrl(Service.QUERY), upstreamUrl(Service.NOTIFIER))
                    .forEach((key, value) -> args.add("--" + key + "=" + value));
        }
        args.addAll(settings.extraArguments());
        args.addAll(instanceArguments);
        return service.builder().run(args.toArray(String[]::new));
    }

    private String database(Service service) {
        return settings.databaseNames().getOrDefault(service, service.database());
    }

    /** Where a service answers: running here, or on its fixed port (it may start later). */
    private String upstreamUrl(Service service) {
        if (running.containsKey(service)) {
            return baseUrl(service);
        }
        return "http://" + settings.access().urlHost() + ":" + settings.ports().getOrDefault(service, 0);
    }

    public synchronized void stop(Service service) {
        ConfigurableApplicationContext context = running.remove(service);
        if (context != null) {
            context.close();
        }
    }

    public synchronized int port(Service service) {
        ConfigurableApplicationContext context = running.get(service);
        if (!(context instanceof WebServerApplicationContext web)) {
            throw new IllegalStateException(service.title() + " is not running");
        }
        return web.getWebServer().getPort();
    }

    public String eventsTopic() {
        return settings.eventsTopic();
    }

    public String alertsTopic() {
        return settings.alertsTopic();
    }

    public String baseUrl(Service service) {
        return "http://" + settings.access().urlHost() + ":" + port(service);
    }

    @Override
    public synchronized void close() {
        extraInstances.forEach(Instance::close);
        extraInstances.clear();
        // the pages first, then the consumers, so nothing is mid-way when the producer goes
        stop(Service.DASHBOARD);
        stop(Service.NOTIFIER);
        stop(Service.QUERY);
        stop(Service.COMMAND);
    }
}
