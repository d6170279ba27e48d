package dev.okrledger.command.eventstore;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * An Axon {@link Cache} that holds at most {@code capacity} entries strongly and evicts the least
 * recently used one beyond that. Axon's {@code WeakReferenceCache} lost its entries at every
 * collection, so under load most commands loaded their aggregate again (decision 0032).
 * Entry listeners hear of reads, creations, updates, removals and evictions (as expiry).
 */
final class LeastRecentlyUsedCache implements Cache {

    private final int capacity;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();
    private final LinkedHashMap<Object, Object> entries;

    LeastRecentlyUsedCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value;
        synchronized (entries) {
            value = entries.get(key);
        }
        if (value != null) {
            listeners.forEach(l -> l.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        requireValue(value);
        Object previous;
        Object evicted;
        synchronized (entries) {
            previous = entries.put(key, value);
            evicted = evictEldest();
        }
        if (previous != null) {
            listeners.forEach(l -> l.onEntryUpdated(key, value));
        } else {
            listeners.forEach(l -> l.onEntryCreated(key, value));
        }
        expired(evicted);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        requireValue(value);
        Object evicted;
        synchronized (entries) {
            if (entries.containsKey(key)) {
                return false;
            }
            entries.put(key, value);
            evicted = evictEldest();
        }
        listeners.forEach(l -> l.onEntryCreated(key, value));
        expired(evicted);
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T existing = get(key);
        if (existing != null) {
            return existing;
        }
        T value = valueSupplier.get();
        if (value == null) {
            throw new IllegalStateException("The value supplier produced null for key " + key);
        }
        put(key, value);
        return value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        Object updated;
        boolean present;
        synchronized (entries) {
            present = entries.containsKey(key);
            updated = entries.computeIfPresent(key, (k, v) -> update.apply((V) v));
        }
        if (present && updated != null) {
            listeners.forEach(l -> l.onEntryUpdated(key, updated));
        } else if (present) {
            listeners.forEach(l -> l.onEntryRemoved(key));
        }
    }

    @Override
    public boolean remove(Object key) {
        boolean removed;
        synchronized (entries) {
            removed = entries.remove(key) != null;
        }
        if (removed) {
            listeners.forEach(l -> l.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        List<Object> keys;
        synchronized (entries) {
            keys = List.copyOf(entries.keySet());
            entries.clear();
        }
        keys.forEach(key -> listeners.forEach(l -> l.onEntryRemoved(key)));
    }

    @Override
    public boolean containsKey(Object key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** Called holding the lock; answers the evicted key, or null. */
    private Object evictEldest() {
        if (entries.size() <= capacity) {
            return null;
        }
        var eldest = entries.entrySet().iterator();
        Map.Entry<Object, Object> first = eldest.next();
        eldest.remove();
        return first.getKey();
    }

    private void expired(Object key) {
        if (key != null) {
            listeners.forEach(l -> l.onEntryExpired(key));
        }
    }

    private static void requireValue(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("Null values are not supported");
        }
    }
}
