package io.dualwrite.agent.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SqlClassificationCacheTest {

    @Test
    void answersAsTheClassifierDoes() {
        SqlClassificationCache cache = new SqlClassificationCache(100);
        for (String sql : new String[] {
            "INSERT INTO public.orders VALUES (1)", "SELECT 1", "{call p(?)}", "CREATE TABLE t (a INT)", "SET x = 1", ""
        }) {
            assertThat(cache.classify(sql)).as(sql).isEqualTo(SqlClassifier.classify(sql));
        }
    }

    @Test
    void aRepeatedTextIsAnsweredFromTheCache() {
        SqlClassificationCache cache = new SqlClassificationCache(100);
        SqlInfo first = cache.classify("UPDATE t SET a = 1");
        SqlInfo second = cache.classify(new String("UPDATE t SET a = 1"));
        assertThat(second).isSameAs(first);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void fillingPastTheBoundKeepsTheSizeWithinItAndTheAnswersCorrect() {
        int bound = 50;
        SqlClassificationCache cache = new SqlClassificationCache(bound);
        for (int i = 0; i < 1_000; i++) {
            String insert = "INSERT INTO t" + i + " VALUES (" + i + ")";
            String select = "SELECT " + i;
            assertThat(cache.classify(insert)).isEqualTo(new SqlInfo(SqlKind.WRITE, "INSERT", "t" + i));
            assertThat(cache.classify(select)).isEqualTo(new SqlInfo(SqlKind.READ, "SELECT", null));
            assertThat(cache.size()).isBetween(1, bound);
        }
        // Entries classified before a clear are classified again, correctly.
        assertThat(cache.classify("INSERT INTO t0 VALUES (0)")).isEqualTo(new SqlInfo(SqlKind.WRITE, "INSERT", "t0"));
        assertThat(cache.size()).isLessThanOrEqualTo(bound);
    }

    @Test
    void aCacheOfOneEntryStillAnswersCorrectly() {
        SqlClassificationCache cache = new SqlClassificationCache(1);
        assertThat(cache.classify("DELETE FROM a").table()).isEqualTo("a");
        assertThat(cache.classify("DELETE FROM b").table()).isEqualTo("b");
        assertThat(cache.classify("DELETE FROM a").table()).isEqualTo("a");
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void textsLongerThan16KbAreClassifiedButNotCached() {
        SqlClassificationCache cache = new SqlClassificationCache(100);
        int limit = SqlClassificationCache.MAX_CACHED_SQL_LENGTH;
        String atLimit = "INSERT INTO t VALUES ('" + "x".repeat(limit - 25) + "')";
        assertThat(atLimit.length()).isEqualTo(limit);
        String tooLong = atLimit + " ";

        assertThat(cache.classify(tooLong)).isEqualTo(new SqlInfo(SqlKind.WRITE, "INSERT", "t"));
        assertThat(cache.size()).isZero();
        assertThat(cache.classify(atLimit)).isEqualTo(new SqlInfo(SqlKind.WRITE, "INSERT", "t"));
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void nullIsOtherAndNotCached() {
        SqlClassificationCache cache = new SqlClassificationCache(10);
        assertThat(cache.classify(null)).isEqualTo(new SqlInfo(SqlKind.OTHER, "", null));
        assertThat(cache.size()).isZero();
    }

    @Test
    void aBoundBelowOneIsRejected() {
        assertThatThrownBy(() -> new SqlClassificationCache(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentUseGivesCorrectAnswersAndExceedsTheBoundByAtMostOneEntryPerThread() throws Exception {
        int bound = 64;
        int threads = 8;
        SqlClassificationCache cache = new SqlClassificationCache(bound);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        int k = (i * 31 + seed) % 500;
                        SqlInfo info = cache.classify("UPDATE t" + k + " SET a = " + (k % 7));
                        if (info.kind() != SqlKind.WRITE || !("t" + k).equals(info.table())) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).as("every answer right").isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(cache.size()).isBetween(1, bound + threads);
    }
}
