package io.dualwrite.agent.sql;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A thread-safe, bounded cache of a function of SQL text (a classification, a read analysis), keyed by the text. A
 * hit is a lock-free {@link ConcurrentHashMap} read.
 *
 * <p>When full it drops everything rather than evict with LRU bookkeeping: an application that inlines literals
 * into its SQL produces an unbounded stream of distinct texts, which must not grow memory, and computing again costs
 * about a microsecond, so losing the hot entries now and then is cheap.
 *
 * @param <T> the cached result; the function must not throw, and a null result is returned but not cached
 */
public final class SqlTextCache<T> {

    /** SQL texts longer than this (in chars) are computed but never cached. */
    public static final int MAX_CACHED_SQL_LENGTH = 16 * 1024;

    private final int maxEntries;
    private final Function<String, T> compute;
    private final ConcurrentHashMap<String, T> cache;
    private final AtomicInteger entries = new AtomicInteger();

    /**
     * @param maxEntries the most entries kept, at least 1
     * @param compute    what is cached: called with the SQL text (null for a null text, which is not cached)
     */
    public SqlTextCache(int maxEntries, Function<String, T> compute) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1: " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.compute = Objects.requireNonNull(compute, "compute");
        this.cache = new ConcurrentHashMap<>(Math.min(maxEntries, 1024));
    }

    /** The function's result for {@code sql} (null allowed), from the cache when present. */
    public T get(String sql) {
        if (sql == null || sql.length() > MAX_CACHED_SQL_LENGTH) {
            return compute.apply(sql);
        }
        T value = cache.get(sql);
        if (value != null) {
            return value;
        }
        value = compute.apply(sql);
        if (value == null) {
            return null;
        }
        // Only the thread that fills the cache takes the lock; others that find it full meanwhile wait for the
        // clear, so the cache exceeds its bound by at most one entry per thread.
        if (entries.incrementAndGet() > maxEntries) {
            clearWhenFull();
        }
        if (cache.put(sql, value) != null) {
            entries.decrementAndGet();
        }
        return value;
    }

    private synchronized void clearWhenFull() {
        if (entries.get() > maxEntries) {
            cache.clear();
            entries.set(1);
        }
    }

    /** The number of cached entries (for tests). */
    public int size() {
        return cache.size();
    }
}
