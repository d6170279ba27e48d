package dev.okrledger.command.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.okrledger.contract.event.EventTypes;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

/**
 * Storage: Axon on PostgreSQL through its JDBC engine (tables by Flyway, see db/command), its token
 * store, transactions and serializers. The engine, token store and transaction manager are declared
 * here rather than left to Axon's auto-configuration, whose ordering refers to Spring Boot 3's
 * DataSource configuration and so does not trigger on Boot 4. Retries of lost append races are in
 * {@link CommandRetryConfiguration}, snapshots and the cache in {@link AggregateRepositoryConfiguration}.
 */
@Configuration
public class EventStoreConfiguration {

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return new SpringTransactionManager(transactions);
    }

    @Bean
    ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    EventStorageEngine eventStorageEngine(
            @Qualifier("eventSerializer") Serializer eventSerializer,
            ConnectionProvider connections,
            TransactionManager transactions,
            PersistenceExceptionResolver appendRaceLost,
            org.axonframework.config.Configuration axon) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(snapshotSerializer())
                .eventSerializer(eventSerializer)
                .upcasterChain(axon.upcasterChain())
                .snapshotFilter(axon.snapshotFilter())
                .persistenceExceptionResolver(appendRaceLost)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .build();
    }

    /**
     * Snapshots hold an aggregate's private state, which has no getters: this serializer reads and
     * writes fields, and is used for snapshots only. A snapshot's revision is its aggregate's
     * {@code @Revision}: Axon passes over snapshots of another revision and replays the events instead.
     */
    static Serializer snapshotSerializer() {
        return Jackson3Serializer.builder()
                .revisionResolver(new AnnotationRevisionResolver())
                .jsonMapperBuilderCustomizer(mapper -> mapper.changeDefaultVisibility(visibility -> visibility
                        .withFieldVisibility(JsonAutoDetect.Visibility.ANY)
                        .withGetterVisibility(JsonAutoDetect.Visibility.NONE)
                        .withIsGetterVisibility(JsonAutoDetect.Visibility.NONE)))
                .build();
    }

    /**
     * Claims on processor segments are held in the name of this instance: Axon's default name is the
     * JVM's (pid@host), so instances sharing a JVM (the launcher's scaling tests) would each take the
     * other's claims for their own; {@code okr.token-store.node-id} gives each its own.
     */
    @Bean
    TokenStore tokenStore(
            ConnectionProvider connections,
            Serializer serializer,
            @Value("${okr.token-store.node-id:}") String nodeId) {
        JdbcTokenStore.Builder builder =
                JdbcTokenStore.builder().connectionProvider(connections).serializer(serializer);
        if (!nodeId.isBlank()) {
            builder.nodeId(nodeId);
        }
        return builder.build();
    }

    /** Stored revisions come from the event contract's registry, the one place they are declared. */
    @Bean
    RevisionResolver revisionResolver() {
        return type ->
                EventTypes.byClass(type).map(EventTypes.EventType::revision).orElse(null);
    }
}
