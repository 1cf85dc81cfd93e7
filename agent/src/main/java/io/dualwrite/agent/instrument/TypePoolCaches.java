package io.dualwrite.agent.instrument;

import com.blogspot.mydailyjava.weaklockfree.WeakConcurrentMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.pool.TypePool;

/**
 * Keeps, per class loader, the type descriptions ByteBuddy resolved while matching, so that deciding whether
 * a class implements {@code java.sql.Statement} does not parse its super types' class files again for every
 * class that shares them. Class loaders are held weakly and the caches softly, so neither an undeployed
 * application nor memory pressure is held up by them.
 */
final class TypePoolCaches extends AgentBuilder.PoolStrategy.WithTypePoolCache {

    private final TypePool.CacheProvider bootstrap = new TypePool.CacheProvider.Simple.UsingSoftReference();
    private final WeakConcurrentMap<ClassLoader, TypePool.CacheProvider> byLoader =
            new WeakConcurrentMap.WithInlinedExpunction<>();

    TypePoolCaches() {
        super(TypePool.Default.ReaderMode.FAST);
    }

    @Override
    protected TypePool.CacheProvider locate(ClassLoader classLoader) {
        if (classLoader == null) {
            return bootstrap;
        }
        TypePool.CacheProvider cache = byLoader.get(classLoader);
        if (cache == null) {
            cache = new TypePool.CacheProvider.Simple.UsingSoftReference();
            TypePool.CacheProvider raced = byLoader.putIfAbsent(classLoader, cache);
            cache = raced != null ? raced : cache;
        }
        return cache;
    }
}
