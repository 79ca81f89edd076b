package org.openler.standards.json;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The small time-bounded cache in front of a remote fetch (DID documents, status lists): an entry is served until its
 * time is up, then fetched again. A failed fetch caches nothing.
 */
public final class FetchCache<K, V> {

    private final Duration cacheFor;
    private final Clock clock;
    private final ConcurrentHashMap<K, Cached<V>> cache = new ConcurrentHashMap<>();

    private record Cached<V>(V value, Instant until) {}

    public FetchCache(Duration cacheFor, Clock clock) {
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    /** The cached value for the key while it is fresh, else what the fetch returns (then cached). */
    public V get(K key, Function<K, V> fetch) {
        Instant now = clock.instant();
        Cached<V> cached = cache.get(key);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.value();
        }
        V value = fetch.apply(key);
        cache.put(key, new Cached<>(value, now.plus(cacheFor)));
        return value;
    }
}
