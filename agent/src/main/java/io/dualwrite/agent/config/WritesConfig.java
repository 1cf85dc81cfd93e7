package io.dualwrite.agent.config;

import java.util.Objects;

/** The {@code writes} section: how and which writes are mirrored, and what becomes of those that fail. */
public final class WritesConfig {

    public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
    public static final int MIN_QUEUE_CAPACITY = 1;
    public static final int MAX_QUEUE_CAPACITY = 10_000_000;
    public static final int DEFAULT_SHUTDOWN_TIMEOUT_MS = 5_000;
    public static final int MAX_SHUTDOWN_TIMEOUT_MS = 600_000;

    private static final WritesConfig DEFAULTS = new WritesConfig(WriteMode.SYNC, FailurePolicy.JOURNAL, false,
            TableFilter.all(), DEFAULT_QUEUE_CAPACITY, WhenFull.JOURNAL, DEFAULT_SHUTDOWN_TIMEOUT_MS,
            NondeterministicMode.WARN);

    private final WriteMode mode;
    private final FailurePolicy onFailure;
    private final boolean ddl;
    private final TableFilter tables;
    private final int queueCapacity;
    private final WhenFull whenFull;
    private final int shutdownTimeoutMs;
    private final NondeterministicMode nondeterministic;

    public WritesConfig(WriteMode mode, FailurePolicy onFailure, boolean ddl, TableFilter tables, int queueCapacity,
            WhenFull whenFull, int shutdownTimeoutMs, NondeterministicMode nondeterministic) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
        this.ddl = ddl;
        this.tables = Objects.requireNonNull(tables, "tables");
        this.queueCapacity = queueCapacity;
        this.whenFull = Objects.requireNonNull(whenFull, "whenFull");
        this.shutdownTimeoutMs = shutdownTimeoutMs;
        this.nondeterministic = Objects.requireNonNull(nondeterministic, "nondeterministic");
    }

    /** The defaults: sync, failures journaled, no DDL, all tables, non-deterministic expressions warned about. */
    public static WritesConfig defaults() {
        return DEFAULTS;
    }

    /** How writes are mirrored. */
    public WriteMode mode() {
        return mode;
    }

    /** What becomes of a write the secondary could not take. */
    public FailurePolicy onFailure() {
        return onFailure;
    }

    /** Whether DDL statements (CREATE, ALTER, DROP, ...) are mirrored too. */
    public boolean ddl() {
        return ddl;
    }

    /** Which tables have their writes mirrored. */
    public TableFilter tables() {
        return tables;
    }

    /** Async mode: how many writes (statements or batches) may wait in memory for the applier. */
    public int queueCapacity() {
        return queueCapacity;
    }

    /** Async mode: what an application thread does when the queue is full. */
    public WhenFull whenFull() {
        return whenFull;
    }

    /** Async mode: how long the JVM's shutdown waits for the queue to drain before journaling the rest. */
    public int shutdownTimeoutMs() {
        return shutdownTimeoutMs;
    }

    /** What becomes of writes with expressions such as {@code now()}, which each side would evaluate on its own. */
    public NondeterministicMode nondeterministic() {
        return nondeterministic;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof WritesConfig)) {
            return false;
        }
        WritesConfig other = (WritesConfig) o;
        return mode == other.mode && onFailure == other.onFailure && ddl == other.ddl && tables.equals(other.tables)
                && queueCapacity == other.queueCapacity && whenFull == other.whenFull
                && shutdownTimeoutMs == other.shutdownTimeoutMs && nondeterministic == other.nondeterministic;
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, onFailure, ddl, tables, queueCapacity, whenFull, shutdownTimeoutMs, nondeterministic);
    }

    /** For example {@code sync, on-failure journal, ddl off, tables include [*] exclude []}. */
    @Override
    public String toString() {
        String async = mode == WriteMode.ASYNC ? " (queue " + queueCapacity + ", when full " + whenFull.yamlName()
                + ")" : "";
        return mode.yamlName() + async + ", on-failure " + onFailure.yamlName() + ", ddl " + (ddl ? "on" : "off")
                + ", tables " + tables
                + (nondeterministic == NondeterministicMode.REWRITE ? ", non-deterministic expressions rewritten" : "");
    }
}
