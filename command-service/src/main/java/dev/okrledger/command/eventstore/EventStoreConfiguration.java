package dev.okrledger.command.eventstore;

import dev.okrledger.contract.event.EventHeaders;
import dev.okrledger.contract.event.EventTypes;
import dev.okrledger.contract.policy.OkrPolicy;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.springframework.beans.factory.annotation.Value;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.sql.SQLException;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.RevisionResolver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Clock;

/**
 * Axon on PostgreSQL through its JDBC engine (tables by Flyway, see db/command). The engine, token
 * store and transaction manager are declared here rather than left to Axon's auto-configuration,
 * whose ordering refers to Spring Boot 3's DataSource configuration and so does not trigger on Boot 4.
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
    EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
                                          ConnectionProvider connections, TransactionManager transactions,
                                          org.axonframework.config.Configuration axon,
                                          RevisionResolver revisions) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(snapshotSerializer(revisions))
                .eventSerializer(eventSerializer)
                .upcasterChain(axon.upcasterChain())
                .snapshotFilter(axon.snapshotFilter())
                .persistenceExceptionResolver(EventStoreConfiguration::isDuplicateKey)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .build();
    }

    /**
     * Snapshots hold an aggregate's private state, which has no getters: this serializer reads and
     * writes fields, and is used for snapshots only.
     */
    static Serializer snapshotSerializer(RevisionResolver revisions) {
        return Jackson3Serializer.builder()
                .revisionResolver(revisions)
                .jsonMapperBuilderCustomizer(mapper -> mapper.changeDefaultVisibility(visibility -> visibility
                        .withFieldVisibility(JsonAutoDetect.Visibility.ANY)
                        .withGetterVisibility(JsonAutoDetect.Visibility.NONE)
                        .withIsGetterVisibility(JsonAutoDetect.Visibility.NONE)))
                .build();
    }

    /**
     * Recently used key results stay in memory, so a check-in does not re-read the key result's
     * events. Safe with several instances: a stale entry loses the append race, the unit of work
     * rolls back, the entry is evicted and the command is retried on fresh state.
     * Entries are weakly held: the garbage collector reclaims them under memory pressure.
     * {@code okr.cache.key-results=false} turns the cache off.
     */
    @Bean
    Cache keyResultCache(@Value("${okr.cache.key-results:true}") boolean enabled) {
        return enabled ? new WeakReferenceCache() : NoCache.INSTANCE;
    }

    /** Key results collect check-ins week after week: snapshot them every N events (okr.snapshots.key-result-every). */
    @Bean
    SnapshotTriggerDefinition keyResultSnapshotTrigger(Snapshotter snapshotter,
                                                       @Value("${okr.snapshots.key-result-every:50}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * Two command-service instances may append to one key result at the same moment; the loser's
     * unique-key violation surfaces as a ConcurrencyException and the command is simply retried on
     * the fresh state. Domain refusals are never retried.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
        RetryScheduler onlyConcurrencyConflicts = new IntervalRetryScheduler(IntervalRetryScheduler.builder()
                .retryExecutor(retries).retryInterval(25).maxRetryCount(30)) {
            @Override
            protected boolean isExplicitlyNonTransient(Throwable failure) {
                return !(failure instanceof ConcurrencyException)
                        && !(failure.getCause() instanceof ConcurrencyException);
            }
        };
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(onlyConcurrencyConflicts).build();
    }

    /**
     * PostgreSQL reports a unique violation by SQLState 23505 (vendor codes are 0), possibly wrapped
     * in a BatchUpdateException: Axon's code-based resolver misses it, and a lost append race would
     * surface as an EventStoreException (HTTP 500) instead of a ConcurrencyException that is retried.
     */
    static boolean isDuplicateKey(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if ("23505".equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Claims on processor segments are held in the name of this instance: Axon's default name is the
     * JVM's (pid@host), so instances sharing a JVM (the launcher's scaling tests) would each take the
     * other's claims for their own; {@code okr.token-store.node-id} gives each its own.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connections, Serializer serializer,
                          @Value("${okr.token-store.node-id:}") String nodeId) {
        JdbcTokenStore.Builder builder = JdbcTokenStore.builder().connectionProvider(connections).serializer(serializer);
        if (!nodeId.isBlank()) {
            builder.nodeId(nodeId);
        }
        return builder.build();
    }

    /** Stored revisions come from the event contract's registry, the one place they are declared. */
    @Bean
    RevisionResolver revisionResolver() {
        return type -> EventTypes.byClass(type).map(EventTypes.EventType::revision).orElse(null);
    }

    /** Axon's own lineage: the id of the message that caused an event, and of the root of the chain. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider("causationId", "traceId");
    }

    /** Who did it and under which client correlation id: copied from the command onto its events. */
    @Bean
    CorrelationDataProvider requestMetadataProvider() {
        return new SimpleCorrelationDataProvider(EventHeaders.META_ACTOR, EventHeaders.META_ACTOR_NAME,
                EventHeaders.META_CORRELATION_ID);
    }

    /**
     * The directory and the Kafka publisher must never skip an event: a failure stops them (and
     * the command, for the directory) instead of being logged and forgotten.
     */
    @Autowired
    void failLoudly(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler("command-directory", c -> PropagatingErrorHandler.instance());
        processing.registerListenerInvocationErrorHandler("kafka-publisher", c -> PropagatingErrorHandler.instance());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OkrPolicy okrPolicy(Environment env) {
        return OkrPolicy.from(key -> env.getProperty("okr.policy." + key));
    }
}
