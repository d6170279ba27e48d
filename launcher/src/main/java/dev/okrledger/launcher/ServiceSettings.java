package dev.okrledger.launcher;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Spring properties that point one service at its database, the broker, the topics and the
 * token keys (the dashboard: its database, the keys and the other services' URLs), and say where
 * it listens. The embedded default passes them to the service's context in this JVM; the
 * infrastructure-only mode prints them for a service started as its own process, so both ways run
 * the services with the same settings.
 */
public record ServiceSettings(
        Service service,
        String jdbcUrl,
        String databaseUser,
        String bootstrapServers,
        String eventsTopic,
        String alertsTopic,
        Path keyDir,
        Access access) {

    /** On loopback, with the launcher's own tokens ({@link Access#LOCAL}). */
    public ServiceSettings(
            Service service,
            String jdbcUrl,
            String databaseUser,
            String bootstrapServers,
            String eventsTopic,
            String alertsTopic,
            Path keyDir) {
        this(service, jdbcUrl, databaseUser, bootstrapServers, eventsTopic, alertsTopic, keyDir, Access.LOCAL);
    }

    /** In start order: database, broker, topics, then where it listens and how tokens are checked (and minted). */
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", jdbcUrl);
        properties.put("spring.datasource.username", databaseUser);
        properties.put("spring.datasource.password", "");
        if (service != Service.DASHBOARD) {
            properties.put("spring.kafka.bootstrap-servers", bootstrapServers);
            properties.put("okr.kafka.events-topic", eventsTopic);
            properties.put("okr.kafka.alerts-topic", alertsTopic);
        }
        properties.putAll(access.properties(service, keyDir));
        return properties;
    }

    /** The dashboard's settings naming where the services it reads and acts through answer. */
    public static Map<String, String> upstreamUrls(String commandUrl, String queryUrl, String notifierUrl) {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("okr.dashboard.command-url", commandUrl);
        urls.put("okr.dashboard.query-url", queryUrl);
        urls.put("okr.dashboard.notifier-url", notifierUrl);
        return urls;
    }
}
