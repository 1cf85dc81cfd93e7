package io.dualwrite.agent.sql;

/**
 * A thread-safe, bounded cache of {@link SqlClassifier#classify(String)} results keyed by SQL text: a
 * {@link SqlTextCache} of the classifier.
 */
public final class SqlClassificationCache {

    /** SQL texts longer than this (in chars) are classified but never cached. */
    public static final int MAX_CACHED_SQL_LENGTH = SqlTextCache.MAX_CACHED_SQL_LENGTH;

    private final SqlTextCache<SqlInfo> cache;

    /** @param maxEntries the most entries kept, at least 1 */
    public SqlClassificationCache(int maxEntries) {
        this.cache = new SqlTextCache<>(maxEntries, SqlClassifier::classify);
    }

    /** The classification of {@code sql} (null allowed), from the cache when present. Never throws. */
    public SqlInfo classify(String sql) {
        return cache.get(sql);
    }

    /** The number of cached entries (for tests). */
    public int size() {
        return cache.size();
    }
}
