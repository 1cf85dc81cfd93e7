package io.dualwrite.agent.metrics;

/**
 * The agent's metrics as JMX attributes, under {@value JmxPublication#OBJECT_NAME} (JConsole, VisualVM, any JMX
 * exporter). Each attribute is read from a fresh {@link MetricsSnapshot}; a bulk read of several attributes
 * takes them all from one snapshot, so the write outcomes it returns add up to {@code WritesSeen}.
 *
 * <p>{@code ReadFallbacks} are part of {@code ReadsPrimary}, {@code ShadowReadsMismatched} part of
 * {@code ShadowReadsCompared}.
 */
public interface DualWriteMetricsMXBean {

    long getWritesSeen();

    long getWritesApplied();

    long getWritesJournaled();

    long getWritesSkipped();

    long getWritesIgnored();

    long getWritesLost();

    long getWritesRolledBack();

    /** Mirrored writes with expressions such as {@code now()} that each side evaluates on its own. */
    long getWritesNondeterministic();

    long getJournalReplayed();

    long getJournalDeadLettered();

    long getQueueDepth();

    long getJournalBacklogRecords();

    long getJournalBacklogBytes();

    long getReplicationLagMillis();

    /** {@code closed}, {@code open} or {@code draining}. */
    String getCircuitState();

    long getReadsPrimary();

    long getReadsSecondary();

    long getReadFallbacks();

    long getShadowReadsCompared();

    long getShadowReadsMismatched();

    long getShadowReadsSkipped();

    long getShadowReadsDropped();

    long getShadowReadsFailed();
}
