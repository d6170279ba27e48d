package dev.okrledger.command.eventstore;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaffeineCacheAdapterTest {

    private final CaffeineCacheAdapter cache = new CaffeineCacheAdapter(2, Runnable::run);

    @Test
    void theLeastRecentlyUsedEntryGoesWhenTheCapacityIsExceeded() {
        cache.put("a", 1);
        cache.put("b", 2);
        cache.get("a"); // b is now the least recently used
        cache.put("c", 3);

        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("c")).isTrue();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void entriesAreHeldStronglyAcrossCollections() {
        cache.put("a", new StringBuilder("aggregate"));
        System.gc();

        assertThat(cache.<String, StringBuilder>get("a")).hasToString("aggregate");
    }

    @Test
    void listenersHearCreationUpdateRemovalAndEviction() {
        List<String> heard = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                heard.add("updated " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }

            @Override
            public void onEntryExpired(Object key) {
                heard.add("expired " + key);
            }
        });

        cache.put("a", 1);
        cache.put("a", 2);
        cache.put("b", 3);
        cache.put("c", 4);
        // Caffeine picks the victim by recency and frequency, not strictly the least recently used
        String evicted = Stream.of("a", "b", "c")
                .filter(key -> !cache.containsKey(key))
                .findFirst()
                .orElseThrow();
        String kept =
                Stream.of("a", "b", "c").filter(cache::containsKey).findFirst().orElseThrow();
        cache.remove(kept);

        assertThat(heard)
                .containsExactly(
                        "created a", "updated a", "created b", "created c", "expired " + evicted, "removed " + kept);
    }

    @Test
    void putIfAbsentKeepsTheValueThere() {
        assertThat(cache.putIfAbsent("a", 1)).isTrue();
        assertThat(cache.putIfAbsent("a", 2)).isFalse();

        assertThat(cache.<String, Integer>get("a")).isEqualTo(1);
    }

    @Test
    void computeIfPresentToNullRemoves() {
        cache.put("a", 1);
        cache.<Integer>computeIfPresent("a", v -> null);

        assertThat(cache.containsKey("a")).isFalse();
    }

    @Test
    void nullValuesAreRefused() {
        assertThatThrownBy(() -> cache.put("a", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
