package io.dualwrite.agent.sql;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A thread-safe, bounded cache of {@link SqlClassifier#classify(String)} results keyed by SQL text. A hit is a
 * lock-free {@link ConcurrentHashMap} read.
 */
public final class SqlClassificationCache {

    /** SQL texts longer than this (in chars) are classified but never cached. */
    public static final int MAX_CACHED_SQL_LENGTH = 16 * 1024;

    private final int maxEntries;
    private final ConcurrentHashMap<String, SqlInfo> cache;
    private final AtomicInteger entries = new AtomicInteger();

    /** @param maxEntries the most entries kept, at least 1 */
    public SqlClassificationCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1: " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.cache = new ConcurrentHashMap<>(Math.min(maxEntries, 1024));
    }

    /** The classification of {@code sql} (null allowed), from the cache when present. Never throws. */
    public SqlInfo classify(String sql) {
        if (sql == null || sql.length() > MAX_CACHED_SQL_LENGTH) {
            return SqlClassifier.classify(sql);
        }
        SqlInfo info = cache.get(sql);
        if (info != null) {
            return info;
        }
        info = SqlClassifier.classify(sql);
        // Full: drop everything rather than evict with LRU bookkeeping. An application that inlines literals into
        // its SQL produces an unbounded stream of distinct texts, which must not grow memory; and classifying again
        // costs well under a microsecond, so losing the hot entries now and then is cheap. Only the thread that
        // fills the cache takes the lock; others that find it full meanwhile wait for the clear, so the cache
        // exceeds its bound by at most one entry per thread.
        if (entries.incrementAndGet() > maxEntries) {
            clearWhenFull();
        }
        if (cache.put(sql, info) != null) {
            entries.decrementAndGet();
        }
        return info;
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
