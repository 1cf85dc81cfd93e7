package io.dualwrite.it.micro;

import io.dualwrite.agent.sql.SqlClassificationCache;
import io.dualwrite.agent.sql.SqlClassifier;
import io.dualwrite.agent.sql.SqlInfo;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The agent's SQL classification as the capture code uses it: a bounded cache of the lexical classifier, of the size
 * the agent gives it, looked up with the same text (a hit), and with texts that are never in it (a miss: the look-up,
 * the classifier, the insertion and, every {@value #CACHE_ENTRIES} texts, the cache's clearing when full); and the
 * classifier alone for comparison.
 *
 * <p>The misses rotate through twice as many texts as the cache holds, in order, so each one was dropped by a
 * clearing before it comes again. They are INSERTs with their values inlined, the usual reason for distinct texts.
 * Their hash codes are computed once and kept by the String, which an application building each text anew would
 * pay on every call as well (a few ns per 10 characters).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SqlClassificationBenchmark {

    /** As in JdbcEvents (CLASSIFICATION_CACHE_SIZE). */
    static final int CACHE_ENTRIES = 4096;

    private static final String REPEATED = "INSERT INTO orders (id, customer, amount, created_at, paid) "
            + "VALUES (?, ?, ?, ?, ?)";

    private final SqlClassificationCache cache = new SqlClassificationCache(CACHE_ENTRIES);
    private final String[] distinct = distinctTexts(2 * CACHE_ENTRIES);
    private int next;

    private static String[] distinctTexts(int count) {
        String[] texts = new String[count];
        for (int i = 0; i < count; i++) {
            texts[i] = "INSERT INTO orders (id, customer, amount, created_at, paid) VALUES (" + i + ", 'customer-" + i
                    + "', " + i + ".50, '2026-12-05 10:00:00', TRUE)";
        }
        return texts;
    }

    private String nextDistinct() {
        String sql = distinct[next];
        next = next + 1 == distinct.length ? 0 : next + 1;
        return sql;
    }

    @Benchmark
    public SqlInfo cacheHit() {
        return cache.classify(REPEATED);
    }

    @Benchmark
    public SqlInfo cacheMiss() {
        return cache.classify(nextDistinct());
    }

    @Benchmark
    public SqlInfo classifierAlone() {
        return SqlClassifier.classify(nextDistinct());
    }
}
