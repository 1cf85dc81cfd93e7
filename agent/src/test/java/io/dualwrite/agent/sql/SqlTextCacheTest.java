package io.dualwrite.agent.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SqlTextCacheTest {

    @Test
    void aRepeatedTextIsComputedOnce() {
        AtomicInteger calls = new AtomicInteger();
        SqlTextCache<Integer> cache = new SqlTextCache<>(10, sql -> {
            calls.incrementAndGet();
            return sql.length();
        });
        assertThat(cache.get("SELECT 1")).isEqualTo(8);
        assertThat(cache.get(new String("SELECT 1"))).isEqualTo(8);
        assertThat(calls).hasValue(1);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void fillingPastTheBoundKeepsTheSizeWithinItAndTheAnswersCorrect() {
        int bound = 20;
        SqlTextCache<String> cache = new SqlTextCache<>(bound, sql -> sql.toUpperCase(java.util.Locale.ROOT));
        for (int i = 0; i < 500; i++) {
            assertThat(cache.get("select " + i)).isEqualTo("SELECT " + i);
            assertThat(cache.size()).isBetween(1, bound);
        }
        assertThat(cache.get("select 0")).isEqualTo("SELECT 0");
    }

    @Test
    void nullTextsNullResultsAndLongTextsAreComputedButNotCached() {
        SqlTextCache<String> cache = new SqlTextCache<>(10, sql -> sql == null || sql.isEmpty() ? null : "x");
        assertThat(cache.get(null)).isNull();
        assertThat(cache.get("")).isNull();
        assertThat(cache.get("a".repeat(SqlTextCache.MAX_CACHED_SQL_LENGTH + 1))).isEqualTo("x");
        assertThat(cache.size()).isZero();
        assertThat(cache.get("a".repeat(SqlTextCache.MAX_CACHED_SQL_LENGTH))).isEqualTo("x");
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aBoundBelowOneOrNoFunctionIsRejected() {
        assertThatThrownBy(() -> new SqlTextCache<>(0, sql -> sql)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SqlTextCache<String>(1, null)).isInstanceOf(NullPointerException.class);
    }
}
