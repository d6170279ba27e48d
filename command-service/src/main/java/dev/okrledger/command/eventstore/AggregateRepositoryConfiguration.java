package dev.okrledger.command.eventstore;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Repository: Axon builds a repository for each {@code @Aggregate}; the key result's names the
 * snapshot trigger and the cache declared here. Snapshots are read back by
 * {@link EventStoreConfiguration#snapshotSerializer()}.
 */
@Configuration
class AggregateRepositoryConfiguration {

    /**
     * Recently used key results stay in memory, so a check-in does not re-read the key result's
     * events. Safe with several instances: a stale entry loses the append race, the unit of work
     * rolls back, the entry is evicted and the command is retried on fresh state.
     * Entries are held strongly in a Caffeine cache of at most {@code okr.cache.key-result-entries}
     * (decision 0032); {@code okr.cache.key-results=false} turns the cache off.
     */
    @Bean
    Cache keyResultCache(
            @Value("${okr.cache.key-results:true}") boolean enabled,
            @Value("${okr.cache.key-result-entries:10000}") int entries) {
        return enabled ? new CaffeineCacheAdapter(entries) : NoCache.INSTANCE;
    }

    /** Key results collect check-ins week after week: snapshot them every N events (okr.snapshots.key-result-every). */
    @Bean
    SnapshotTriggerDefinition keyResultSnapshotTrigger(
            Snapshotter snapshotter, @Value("${okr.snapshots.key-result-every:50}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
