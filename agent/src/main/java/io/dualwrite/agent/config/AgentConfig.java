package io.dualwrite.agent.config;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;
import java.util.Optional;

/**
 * The agent's whole configuration, as read from the YAML file by {@link ConfigLoader}.
 *
 * <p>When {@link #enabled()} is false the agent instruments nothing; {@link #primaryUrlPattern()} and
 * {@link #secondary()} are then null unless the file gave them anyway. When enabled, both are never null.
 * {@link #primaryConnection()} is for the verify, repair and backfill commands; the agent ignores it.
 */
public final class AgentConfig {

    private final boolean enabled;
    private final Glob primaryUrlPattern;
    private final PrimaryConnection primaryConnection;
    private final SecondaryConfig secondary;
    private final WritesConfig writes;
    private final ReadsConfig reads;
    private final JournalConfig journal;
    private final MetricsConfig metrics;
    private final MappingConfig mapping;

    /**
     * As {@link #AgentConfig(boolean, Glob, SecondaryConfig, WritesConfig, ReadsConfig, JournalConfig,
     * MetricsConfig)} with the {@linkplain ReadsConfig#defaults(Path) default reads}, their mismatch log in the
     * working directory: for code that predates the reads section and routes no reads.
     */
    public AgentConfig(boolean enabled, Glob primaryUrlPattern, SecondaryConfig secondary, WritesConfig writes,
            JournalConfig journal, MetricsConfig metrics) {
        this(enabled, primaryUrlPattern, secondary, writes, ReadsConfig.defaults(Paths.get("").toAbsolutePath()),
                journal, metrics);
    }

    /**
     * As {@link #AgentConfig(boolean, Glob, PrimaryConnection, SecondaryConfig, WritesConfig, ReadsConfig,
     * JournalConfig, MetricsConfig)} without a primary connection (no {@code primary.url}).
     */
    public AgentConfig(boolean enabled, Glob primaryUrlPattern, SecondaryConfig secondary, WritesConfig writes,
            ReadsConfig reads, JournalConfig journal, MetricsConfig metrics) {
        this(enabled, primaryUrlPattern, null, secondary, writes, reads, journal, metrics, MappingConfig.empty());
    }

    /**
     * @param primaryConnection where the commands connect to the primary ({@code primary.url} and its keys), or
     *                          null when not given
     * @param mapping           the tables the secondary holds under another name or shape
     * @throws NullPointerException when enabled and the primary URL pattern or the secondary is missing
     */
    public AgentConfig(boolean enabled, Glob primaryUrlPattern, PrimaryConnection primaryConnection,
            SecondaryConfig secondary, WritesConfig writes, ReadsConfig reads, JournalConfig journal,
            MetricsConfig metrics, MappingConfig mapping) {
        if (enabled) {
            Objects.requireNonNull(primaryUrlPattern, "primaryUrlPattern");
            Objects.requireNonNull(secondary, "secondary");
        }
        this.enabled = enabled;
        this.primaryUrlPattern = primaryUrlPattern;
        this.primaryConnection = primaryConnection;
        this.secondary = secondary;
        this.writes = Objects.requireNonNull(writes, "writes");
        this.reads = Objects.requireNonNull(reads, "reads");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
    }

    /** A configuration that turns the agent off. */
    public static AgentConfig disabled() {
        Path workingDir = Paths.get("").toAbsolutePath();
        return new AgentConfig(false, null, null, WritesConfig.defaults(), ReadsConfig.defaults(workingDir),
                JournalConfig.defaults(workingDir), MetricsConfig.defaults());
    }

    /** Whether the agent instruments anything. */
    public boolean enabled() {
        return enabled;
    }

    /** Which primary connections (by their JDBC URL, case-sensitive) have their writes mirrored. */
    public Glob primaryUrlPattern() {
        return primaryUrlPattern;
    }

    /**
     * Where the verify, repair and backfill commands connect to the primary: {@code primary.url} with its
     * {@code user}, {@code password}, {@code driver-jar} and {@code properties}; empty when {@code primary.url}
     * is not given. The agent itself never uses it.
     */
    public Optional<PrimaryConnection> primaryConnection() {
        return Optional.ofNullable(primaryConnection);
    }

    /** The database writes are mirrored to. */
    public SecondaryConfig secondary() {
        return secondary;
    }

    /** How and which writes are mirrored; never null. */
    public WritesConfig writes() {
        return writes;
    }

    /** Which database answers the application's reads; never null. */
    public ReadsConfig reads() {
        return reads;
    }

    /** Where failed writes are kept; never null. */
    public JournalConfig journal() {
        return journal;
    }

    /** How the agent's counters are published; never null. */
    public MetricsConfig metrics() {
        return metrics;
    }

    /** Which tables the secondary holds under another name or shape; empty when it has the primary's schema. */
    public MappingConfig mapping() {
        return mapping;
    }

    /**
     * A short summary for the start-up log line, without secrets, e.g. {@code mirroring writes on connections
     * matching jdbc:postgresql://127.0.0.1:5432/shop* to jdbc:mariadb://127.0.0.1:3306/shop (sync, on-failure
     * journal, ddl off, tables include [*] exclude []; journal /srv/app/dualwrite-journal (fsync batch); reads
     * primary)}.
     */
    public String describe() {
        if (!enabled) {
            return "disabled (enabled: false): instrumenting nothing";
        }
        return "mirroring writes on connections matching " + Redaction.url(primaryUrlPattern.pattern())
                + " to " + secondary.redactedUrl() + " (" + writes + "; journal " + journal + "; reads "
                + reads.summary() + (mapping.isEmpty() ? "" : "; mapping " + mapping) + ")";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AgentConfig)) {
            return false;
        }
        AgentConfig other = (AgentConfig) o;
        return enabled == other.enabled && Objects.equals(primaryUrlPattern, other.primaryUrlPattern)
                && Objects.equals(primaryConnection, other.primaryConnection)
                && Objects.equals(secondary, other.secondary) && writes.equals(other.writes)
                && reads.equals(other.reads) && journal.equals(other.journal) && metrics.equals(other.metrics)
                && mapping.equals(other.mapping);
    }

    @Override
    public int hashCode() {
        return Objects.hash(enabled, primaryUrlPattern, primaryConnection, secondary, writes, reads, journal, metrics,
                mapping);
    }

    /** A summary without secrets. */
    @Override
    public String toString() {
        return "AgentConfig{enabled=" + enabled
                + ", primaryUrlPattern=" + (primaryUrlPattern == null ? null : Redaction.url(primaryUrlPattern.pattern()))
                + ", primaryConnection=" + primaryConnection
                + ", secondary=" + secondary
                + ", writes=" + writes
                + ", reads=" + reads
                + ", journal=" + journal
                + ", metrics=" + metrics + '}';
    }
}
