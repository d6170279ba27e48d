package dev.okrledger.command.eventstore;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * An Axon {@link Cache} over a Caffeine cache that holds at most {@code maximumSize} entries
 * strongly; beyond that Caffeine evicts by its own policy (recency and frequency). Axon's
 * {@code WeakReferenceCache} lost its entries at every collection, so under load most commands
 * loaded their aggregate again (decision 0032). Axon itself registers no entry listeners; they are
 * kept for the {@link Cache} contract: reads, creations, updates and removals are told by this
 * adapter (a creation or update inside the entry's own change, so before any eviction it causes;
 * a listener must not call this cache), evictions (as expiry) by Caffeine.
 */
final class CaffeineCacheAdapter implements Cache {

    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();
    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;

    CaffeineCacheAdapter(int maximumSize) {
        this(maximumSize, ForkJoinPool.commonPool());
    }

    /** {@code maintenance} runs Caffeine's evictions; tests pass the calling thread's. */
    CaffeineCacheAdapter(int maximumSize, Executor maintenance) {
        if (maximumSize < 1) {
            throw new IllegalArgumentException("maximumSize must be at least 1, got " + maximumSize);
        }
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .executor(maintenance)
                .evictionListener((key, value, cause) -> {
                    if (cause.wasEvicted()) {
                        listeners.forEach(l -> l.onEntryExpired(key));
                    }
                })
                .build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value = entries.getIfPresent(key);
        if (value != null) {
            listeners.forEach(l -> l.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        requireValue(value);
        entries.asMap().compute(key, (k, previous) -> {
            if (previous != null) {
                listeners.forEach(l -> l.onEntryUpdated(key, value));
            } else {
                listeners.forEach(l -> l.onEntryCreated(key, value));
            }
            return value;
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        requireValue(value);
        AtomicBoolean created = new AtomicBoolean();
        entries.asMap().computeIfAbsent(key, k -> {
            created.set(true);
            listeners.forEach(l -> l.onEntryCreated(key, value));
            return value;
        });
        return created.get();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        AtomicBoolean created = new AtomicBoolean();
        Object value = entries.get(key, k -> {
            T supplied = valueSupplier.get();
            if (supplied != null) {
                created.set(true);
                listeners.forEach(l -> l.onEntryCreated(key, supplied));
            }
            return supplied;
        });
        if (value == null) {
            throw new IllegalStateException("The value supplier produced null for key " + key);
        }
        if (!created.get()) {
            listeners.forEach(l -> l.onEntryRead(key, value));
        }
        return (T) value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        AtomicBoolean present = new AtomicBoolean();
        Object updated = entries.asMap().computeIfPresent(key, (k, v) -> {
            present.set(true);
            return update.apply((V) v);
        });
        if (present.get() && updated != null) {
            listeners.forEach(l -> l.onEntryUpdated(key, updated));
        } else if (present.get()) {
            listeners.forEach(l -> l.onEntryRemoved(key));
        }
    }

    @Override
    public boolean remove(Object key) {
        boolean removed = entries.asMap().remove(key) != null;
        if (removed) {
            listeners.forEach(l -> l.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        for (Object key : List.copyOf(entries.asMap().keySet())) {
            remove(key);
        }
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.asMap().containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    private static void requireValue(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("Null values are not supported");
        }
    }
}
