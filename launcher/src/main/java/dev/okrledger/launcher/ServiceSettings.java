package dev.okrledger.launcher;

import dev.okrledger.security.TokenKeys;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Spring properties that point one service at its database, the broker, the topics and the
 * token keys. The embedded default passes them to the service's context in this JVM; the
 * infrastructure-only mode prints them for a service started as its own process, so both ways
 * run the services with the same settings.
 */
public record ServiceSettings(Service service, String jdbcUrl, String databaseUser, String bootstrapServers,
                       String eventsTopic, String alertsTopic, Path keyDir) {

    /** In start order: database, broker, topics, then how tokens are checked (and minted, on the command side). */
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", jdbcUrl);
        properties.put("spring.datasource.username", databaseUser);
        properties.put("spring.datasource.password", "");
        properties.put("spring.kafka.bootstrap-servers", bootstrapServers);
        properties.put("okr.kafka.events-topic", eventsTopic);
        properties.put("okr.kafka.alerts-topic", alertsTopic);
        properties.put("spring.security.oauth2.resourceserver.jwt.public-key-location",
                "file:" + TokenKeys.publicKeyFile(keyDir));
        if (service == Service.COMMAND || service == Service.QUERY) {
            // only the embedded default mints tokens: the command service's token endpoint and the
            // dashboard's sign-in page (query service), both with this system's key
            properties.put("okr.dev-tokens.enabled", "true");
            properties.put("okr.dev-tokens.key-dir", keyDir.toAbsolutePath().toString());
        }
        return properties;
    }
}
