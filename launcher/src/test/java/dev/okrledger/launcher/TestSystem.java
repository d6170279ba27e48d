package dev.okrledger.launcher;

import dev.okrledger.embedded.SharedTestInfrastructure;

import java.util.List;
import java.util.Map;

/** A whole system on the shared test PostgreSQL and Kafka, with fresh databases and topics. */
final class TestSystem {

    private TestSystem() {
    }

    static EmbeddedSystem start() {
        EmbeddedSystem.Settings settings = new EmbeddedSystem.Settings(
                SharedTestInfrastructure.postgres(), SharedTestInfrastructure.kafka(),
                Map.of(Service.COMMAND, SharedTestInfrastructure.freshDatabaseName("cmd"),
                        Service.QUERY, SharedTestInfrastructure.freshDatabaseName("query"),
                        Service.NOTIFIER, SharedTestInfrastructure.freshDatabaseName("notifier")),
                Map.of(),
                SharedTestInfrastructure.uniqueTopicName("okr.events"),
                SharedTestInfrastructure.uniqueTopicName("okr.alerts"),
                List.of("--spring.datasource.hikari.maximum-pool-size=4",
                        "--spring.kafka.consumer.properties.metadata.max.age.ms=1000"));
        return new EmbeddedSystem(settings).startAll();
    }
}
