package io.dualwrite.it.micro;

import io.dualwrite.agent.capture.Parameter;
import io.dualwrite.agent.capture.Setter;
import io.dualwrite.agent.config.MappingConfig;
import io.dualwrite.agent.translate.SecondaryStatement;
import io.dualwrite.agent.translate.SqlDialect;
import io.dualwrite.agent.translate.StatementTranslator;
import io.dualwrite.agent.translate.UntranslatableStatementException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What translation for the secondary costs each time the mirror applies a write: {@link StatementTranslator#translate}
 * of the primary's SQL and {@link SecondaryStatement#bind} of one row of five values, as {@code PreparedWrite} does.
 *
 * <ul>
 *   <li>{@code notActive}: both sides PostgreSQL and no mapping; the translator is not active.</li>
 *   <li>{@code unchangedInsert}: PostgreSQL to MariaDB, a prepared INSERT that reads the same in both (the fast path,
 *       which should not parse it at all); a cache hit after the first execution.</li>
 *   <li>{@code rewrittenInsert}: PostgreSQL to MariaDB, a prepared INSERT with quoted identifiers and
 *       {@code RETURNING}, which the secondary needs rewritten; parsed once, then a cache hit.</li>
 *   <li>{@code unchangedTextCacheMiss}: as {@code unchangedInsert}, but the values are inlined, so each text is new
 *       and every execution is a cache miss: what the fast path costs when nothing can be cached.</li>
 *   <li>{@code rewrittenTextCacheMiss}: as {@code rewrittenInsert} with inlined values: every execution is a miss,
 *       which parses, rewrites and prints: the cost a prepared statement pays once per distinct SQL text.</li>
 * </ul>
 * The misses rotate through twice as many texts as the translator caches, in order, so each one was dropped by a
 * clearing before it comes again.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TranslationBenchmark {

    /** As in StatementTranslator (CACHE_SIZE). */
    static final int CACHE_ENTRIES = 4096;

    private static final String UNCHANGED = "INSERT INTO orders (id, customer, amount, created_at, paid) "
            + "VALUES (?, ?, ?, ?, ?)";
    private static final String REWRITTEN = "INSERT INTO \"orders\" (\"id\", \"customer\", \"amount\", "
            + "\"created_at\", \"paid\") VALUES (?, ?, ?, ?, ?) RETURNING \"id\"";

    private final StatementTranslator inactive = new StatementTranslator(SqlDialect.POSTGRESQL,
            SqlDialect.POSTGRESQL, MappingConfig.empty());
    private final StatementTranslator toMariadb = new StatementTranslator(SqlDialect.POSTGRESQL, SqlDialect.MYSQL,
            MappingConfig.empty());
    private final Parameter[] row = {
        Parameter.restore(Setter.forKey("setLong(IJ)V"), new Object[] {1, 42L}),
        Parameter.restore(Setter.forKey("setString(ILjava/lang/String;)V"), new Object[] {2, "customer-42"}),
        Parameter.restore(Setter.forKey("setBigDecimal(ILjava/math/BigDecimal;)V"),
                new Object[] {3, new BigDecimal("129.90")}),
        Parameter.restore(Setter.forKey("setTimestamp(ILjava/sql/Timestamp;)V"),
                new Object[] {4, new Timestamp(1_796_464_800_000L)}),
        Parameter.restore(Setter.forKey("setBoolean(IZ)V"), new Object[] {5, true}),
    };
    private final String[] unchangedTexts = distinctTexts(false);
    private final String[] rewrittenTexts = distinctTexts(true);
    private int next;

    /** INSERTs with their values inlined; no boolean literal, which a dialect may write differently. */
    private static String[] distinctTexts(boolean rewritten) {
        String[] texts = new String[2 * CACHE_ENTRIES];
        for (int i = 0; i < texts.length; i++) {
            String values = "VALUES (" + i + ", 'customer-" + i + "', " + i + ".50, '2026-12-05 10:00:00', " + i % 2
                    + ")";
            texts[i] = rewritten ? REWRITTEN.replace("VALUES (?, ?, ?, ?, ?)", values)
                    : UNCHANGED.replace("VALUES (?, ?, ?, ?, ?)", values);
        }
        return texts;
    }

    /**
     * Refuses to measure a statement the translator cannot translate (an error is cheap and would pass for a fast
     * translation), or a rewritten statement whose values would not all come from the primary's row.
     */
    @Setup(Level.Trial)
    public void checkTranslations() throws UntranslatableStatementException {
        if (inactive.isActive() || !toMariadb.isActive()) {
            throw new IllegalStateException("the translators are not set up as the benchmark says");
        }
        SecondaryStatement rewritten = toMariadb.translate(REWRITTEN);
        boolean inOrder = !rewritten.isSame() && rewritten.placeholderCount() == row.length;
        for (int p = 1; inOrder && p <= row.length; p++) {
            inOrder = rewritten.primaryParameterOf(p) == p;
        }
        if (!inOrder) {
            throw new IllegalStateException("the rewritten INSERT should bind the primary's 5 values in order: "
                    + rewritten);
        }
        toMariadb.translate(UNCHANGED);
        toMariadb.translate(unchangedTexts[0]);
        toMariadb.translate(rewrittenTexts[0]);
    }

    private int nextText() {
        int text = next;
        next = next + 1 == unchangedTexts.length ? 0 : next + 1;
        return text;
    }

    @Benchmark
    public Parameter[] notActive() throws UntranslatableStatementException {
        return inactive.translate(UNCHANGED).bind(row);
    }

    @Benchmark
    public Parameter[] unchangedInsert() throws UntranslatableStatementException {
        return toMariadb.translate(UNCHANGED).bind(row);
    }

    @Benchmark
    public Parameter[] rewrittenInsert() throws UntranslatableStatementException {
        return toMariadb.translate(REWRITTEN).bind(row);
    }

    @Benchmark
    public SecondaryStatement unchangedTextCacheMiss() throws UntranslatableStatementException {
        return toMariadb.translate(unchangedTexts[nextText()]);
    }

    @Benchmark
    public SecondaryStatement rewrittenTextCacheMiss() throws UntranslatableStatementException {
        return toMariadb.translate(rewrittenTexts[nextText()]);
    }
}
