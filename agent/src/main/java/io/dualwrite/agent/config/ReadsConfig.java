package io.dualwrite.agent.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@code reads} section: which database answers the application's reads, which reads may leave the primary,
 * and how shadow reads are compared.
 *
 * <p>A read is eligible when every table it names is included by {@link #tables()} and its connection has not
 * written within {@link #readYourWritesMs()}; the route decides what becomes of eligible reads only. Percentages
 * that the route does not use are kept, not refused: an operator stages {@code secondary-percent} while still
 * shadowing, then switches the route.
 */
public final class ReadsConfig {

    public static final int MAX_PERCENT = 100;
    public static final int DEFAULT_SECONDARY_PERCENT = 0;
    public static final int DEFAULT_SHADOW_PERCENT = 100;
    public static final int DEFAULT_READ_YOUR_WRITES_MS = 1_000;
    public static final int MAX_READ_YOUR_WRITES_MS = 3_600_000;
    public static final int DEFAULT_POOL_SIZE = 10;
    public static final int MIN_POOL_SIZE = 1;
    public static final int MAX_POOL_SIZE = 1_000;
    public static final int DEFAULT_SHADOW_MAX_ROWS = 1_000;
    public static final int MIN_SHADOW_MAX_ROWS = 1;
    public static final int MAX_SHADOW_MAX_ROWS = 1_000_000;
    public static final int DEFAULT_SHADOW_THREADS = 1;
    public static final int MIN_SHADOW_THREADS = 1;
    public static final int MAX_SHADOW_THREADS = 64;
    public static final int DEFAULT_SHADOW_QUEUE_CAPACITY = 1_000;
    public static final int MIN_SHADOW_QUEUE_CAPACITY = 1;
    public static final int MAX_SHADOW_QUEUE_CAPACITY = 100_000;
    public static final String DEFAULT_MISMATCH_LOG = "dualwrite-mismatches.jsonl";

    private final ReadRoute route;
    private final int secondaryPercent;
    private final int shadowPercent;
    private final int readYourWritesMs;
    private final TableFilter tables;
    private final ReadSticky sticky;
    private final int poolSize;
    private final int shadowMaxRows;
    private final int shadowThreads;
    private final int shadowQueueCapacity;
    private final Path mismatchLog;
    private final boolean maskValues;

    /** The values as the section gives them; {@code mismatchLog} is made absolute against the working directory. */
    public ReadsConfig(ReadRoute route, int secondaryPercent, int shadowPercent, int readYourWritesMs,
            TableFilter tables, ReadSticky sticky, int poolSize, int shadowMaxRows, int shadowThreads,
            int shadowQueueCapacity, Path mismatchLog, boolean maskValues) {
        this.route = Objects.requireNonNull(route, "route");
        this.secondaryPercent = secondaryPercent;
        this.shadowPercent = shadowPercent;
        this.readYourWritesMs = readYourWritesMs;
        this.tables = Objects.requireNonNull(tables, "tables");
        this.sticky = Objects.requireNonNull(sticky, "sticky");
        this.poolSize = poolSize;
        this.shadowMaxRows = shadowMaxRows;
        this.shadowThreads = shadowThreads;
        this.shadowQueueCapacity = shadowQueueCapacity;
        this.mismatchLog = Objects.requireNonNull(mismatchLog, "mismatchLog").toAbsolutePath().normalize();
        this.maskValues = maskValues;
    }

    /**
     * The defaults: every read on the primary, all tables eligible, mismatches logged masked to
     * {@value #DEFAULT_MISMATCH_LOG} in {@code baseDir}.
     */
    public static ReadsConfig defaults(Path baseDir) {
        return new ReadsConfig(ReadRoute.PRIMARY, DEFAULT_SECONDARY_PERCENT, DEFAULT_SHADOW_PERCENT,
                DEFAULT_READ_YOUR_WRITES_MS, TableFilter.all(), ReadSticky.NONE, DEFAULT_POOL_SIZE,
                DEFAULT_SHADOW_MAX_ROWS, DEFAULT_SHADOW_THREADS, DEFAULT_SHADOW_QUEUE_CAPACITY,
                baseDir.resolve(DEFAULT_MISMATCH_LOG), true);
    }

    /** Which database answers eligible reads. */
    public ReadRoute route() {
        return route;
    }

    /** Split route: the share of eligible reads, 0 to 100, the secondary answers. */
    public int secondaryPercent() {
        return secondaryPercent;
    }

    /** Shadow route: the share of eligible reads, 0 to 100, also run on the secondary and compared. */
    public int shadowPercent() {
        return shadowPercent;
    }

    /** A connection that wrote within this many milliseconds reads from the primary, so it sees its own writes. */
    public int readYourWritesMs() {
        return readYourWritesMs;
    }

    /** Which tables' reads may leave the primary. */
    public TableFilter tables() {
        return tables;
    }

    /** Whether a connection keeps the side of its first routed read. */
    public ReadSticky sticky() {
        return sticky;
    }

    /** How many connections the agent opens to the secondary for reads, apart from those it writes on. */
    public int poolSize() {
        return poolSize;
    }

    /** Shadow route: results with more rows than this are not compared (counted as skipped). */
    public int shadowMaxRows() {
        return shadowMaxRows;
    }

    /** Shadow route: the threads that run shadow queries and compare, off the application's threads. */
    public int shadowThreads() {
        return shadowThreads;
    }

    /** Shadow route: how many comparisons may wait for a thread before new ones are dropped. */
    public int shadowQueueCapacity() {
        return shadowQueueCapacity;
    }

    /** Where mismatches are written, one JSON object a line; absolute. */
    public Path mismatchLog() {
        return mismatchLog;
    }

    /** Whether bound values and row values are masked in the mismatch log. */
    public boolean maskValues() {
        return maskValues;
    }

    public ReadsConfig withRoute(ReadRoute value) {
        return new ReadsConfig(value, secondaryPercent, shadowPercent, readYourWritesMs, tables, sticky, poolSize,
                shadowMaxRows, shadowThreads, shadowQueueCapacity, mismatchLog, maskValues);
    }

    public ReadsConfig withSecondaryPercent(int value) {
        return new ReadsConfig(route, value, shadowPercent, readYourWritesMs, tables, sticky, poolSize,
                shadowMaxRows, shadowThreads, shadowQueueCapacity, mismatchLog, maskValues);
    }

    public ReadsConfig withShadowPercent(int value) {
        return new ReadsConfig(route, secondaryPercent, value, readYourWritesMs, tables, sticky, poolSize,
                shadowMaxRows, shadowThreads, shadowQueueCapacity, mismatchLog, maskValues);
    }

    public ReadsConfig withReadYourWritesMs(int value) {
        return new ReadsConfig(route, secondaryPercent, shadowPercent, value, tables, sticky, poolSize,
                shadowMaxRows, shadowThreads, shadowQueueCapacity, mismatchLog, maskValues);
    }

    public ReadsConfig withTables(TableFilter value) {
        return new ReadsConfig(route, secondaryPercent, shadowPercent, readYourWritesMs, value, sticky, poolSize,
                shadowMaxRows, shadowThreads, shadowQueueCapacity, mismatchLog, maskValues);
    }

    public ReadsConfig withSticky(ReadSticky value) {
        return new ReadsConfig(route, secondaryPercent, shadowPercent, readYourWritesMs, tables, value, poolSize,
                shadowMaxRows, shadowThreads, shadowQueueCapacity, mismatchLog, maskValues);
    }

    /**
     * The route in a few words, for the start-up line: {@code primary}, {@code secondary},
     * {@code split 25% to the secondary} or {@code shadow 100% compared with the secondary}.
     */
    public String summary() {
        switch (route) {
            case SPLIT:
                return "split " + secondaryPercent + "% to the secondary";
            case SHADOW:
                return "shadow " + shadowPercent + "% compared with the secondary";
            default:
                return route.yamlName();
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ReadsConfig)) {
            return false;
        }
        ReadsConfig other = (ReadsConfig) o;
        return route == other.route && secondaryPercent == other.secondaryPercent
                && shadowPercent == other.shadowPercent && readYourWritesMs == other.readYourWritesMs
                && tables.equals(other.tables) && sticky == other.sticky && poolSize == other.poolSize
                && shadowMaxRows == other.shadowMaxRows && shadowThreads == other.shadowThreads
                && shadowQueueCapacity == other.shadowQueueCapacity && mismatchLog.equals(other.mismatchLog)
                && maskValues == other.maskValues;
    }

    @Override
    public int hashCode() {
        return Objects.hash(route, secondaryPercent, shadowPercent, readYourWritesMs, tables, sticky, poolSize,
                shadowMaxRows, shadowThreads, shadowQueueCapacity, mismatchLog, maskValues);
    }

    /**
     * For example {@code split 25% to the secondary, read-your-writes 1000 ms, sticky none, tables include [*]
     * exclude [], pool 10}; under the shadow route also the comparison's limits and the mismatch log.
     */
    @Override
    public String toString() {
        String shadow = route == ReadRoute.SHADOW ? " (max rows " + shadowMaxRows + ", threads " + shadowThreads
                + ", queue " + shadowQueueCapacity + ", mismatch-log " + mismatchLog + ", values "
                + (maskValues ? "masked" : "shown") + ")" : "";
        return summary() + shadow + ", read-your-writes " + readYourWritesMs + " ms, sticky " + sticky.yamlName()
                + ", tables " + tables + ", pool " + poolSize;
    }
}
