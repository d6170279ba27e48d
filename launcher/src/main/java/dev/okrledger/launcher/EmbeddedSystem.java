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
 * The three services in this JVM, on a PostgreSQL server (one database each) and a Kafka broker
 * that the caller provides. Services can be stopped and started one by one.
 */
public final class EmbeddedSystem implements AutoCloseable {

    /**
     * @param databaseNames  database per service on {@code postgres}; created when missing
     * @param ports          HTTP port per service; 0 picks a free one
     * @param keyDir         where the token signing key pair lives (created on first start); the
     *                       services trust its public key and the command service mints tokens with it
     * @param extraArguments further {@code --key=value} settings for every service
     */
    public record Settings(EmbeddedPostgresServer postgres, EmbeddedKafka kafka, Map<Service, String> databaseNames,
                           Map<Service, Integer> ports, String eventsTopic, String alertsTopic, Path keyDir,
                           List<String> extraArguments) {
    }

    private final Settings settings;
    private final Map<Service, ConfigurableApplicationContext> running = new EnumMap<>(Service.class);

    public EmbeddedSystem(Settings settings) {
        this.settings = settings;
        settings.databaseNames().values().forEach(settings.postgres()::ensureDatabase);
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
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + settings.postgres().jdbcUrl(settings.databaseNames().get(service)),
                "--spring.datasource.username=" + settings.postgres().username(),
                "--spring.datasource.password=",
                "--spring.kafka.bootstrap-servers=" + settings.kafka().bootstrapServers(),
                "--server.port=" + settings.ports().getOrDefault(service, 0),
                "--okr.kafka.events-topic=" + settings.eventsTopic(),
                "--okr.kafka.alerts-topic=" + settings.alertsTopic(),
                "--" + AxonOnlyInCommandService.PROPERTY + "=" + service.usesAxon(),
                "--spring.main.banner-mode=off",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:"
                        + TokenKeys.publicKeyFile(settings.keyDir())));
        if (service == Service.COMMAND || service == Service.QUERY) {
            // only the embedded default mints tokens: the command service's token endpoint and the
            // dashboard's sign-in page (query service), both with this system's key
            args.add("--okr.dev-tokens.enabled=true");
            args.add("--okr.dev-tokens.key-dir=" + settings.keyDir().toAbsolutePath());
        }
        if (service == Service.QUERY && settings.ports().getOrDefault(Service.NOTIFIER, 0) > 0) {
            // the dashboard's alert inbox talks to the notifier's API
            args.add("--okr.dashboard.notifier-url=http://localhost:" + settings.ports().get(Service.NOTIFIER));
        }
        args.addAll(settings.extraArguments());
        running.put(service, service.builder().run(args.toArray(String[]::new)));
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
        return "http://localhost:" + port(service);
    }

    @Override
    public synchronized void close() {
        // consumers first, so nothing is mid-way when the producer goes
        stop(Service.NOTIFIER);
        stop(Service.QUERY);
        stop(Service.COMMAND);
    }
}
