package io.dualwrite.agent.metrics;

import java.util.List;
import java.util.Objects;

/**
 * What the agent has done so far, at one instant; what the MBean and the Prometheus endpoint publish. Every
 * write the agent sees ends in exactly one outcome, so whenever no write is in flight:
 *
 * <pre>seen = applied + journaled + skipped + ignored + lost</pre>
 *
 * Rolled-back writes never reach either database and stand apart from that sum; replayed and dead-lettered
 * count what later became of journaled writes, so they stand apart too.
 *
 * <p>Reads stand apart from writes altogether: every routed read is answered by the primary or by the secondary,
 * a fallback counting for the primary; every shadow read is compared (matched or mismatched), skipped, dropped or
 * failed.
 */
public final class MetricsSnapshot {

    /** Writes are mirrored directly. */
    public static final String CIRCUIT_CLOSED = "closed";
    /** Writes go to the journal, the secondary is not tried. */
    public static final String CIRCUIT_OPEN = "open";
    /** The journal is being replayed to the secondary. */
    public static final String CIRCUIT_DRAINING = "draining";
    /** Every circuit state, in the order the endpoint lists them. */
    public static final List<String> CIRCUIT_STATES = List.of(CIRCUIT_CLOSED, CIRCUIT_OPEN, CIRCUIT_DRAINING);

    private final long seen;
    private final long applied;
    private final long journaled;
    private final long skipped;
    private final long ignored;
    private final long lost;
    private final long rolledBack;
    private final long replayed;
    private final long deadLettered;
    private final long queueDepth;
    private final long journalBacklogRecords;
    private final long journalBacklogBytes;
    private final long replicationLagMillis;
    private final long primaryReads;
    private final long secondaryReads;
    private final long fallbackReads;
    private final long shadowReadsCompared;
    private final long shadowReadsMismatched;
    private final long shadowReadsSkipped;
    private final long shadowReadsDropped;
    private final long shadowReadsFailed;
    private final long nondeterministic;
    private final String circuit;

    private MetricsSnapshot(Builder b) {
        this.seen = b.seen;
        this.applied = b.applied;
        this.journaled = b.journaled;
        this.skipped = b.skipped;
        this.ignored = b.ignored;
        this.lost = b.lost;
        this.rolledBack = b.rolledBack;
        this.replayed = b.replayed;
        this.deadLettered = b.deadLettered;
        this.queueDepth = b.queueDepth;
        this.journalBacklogRecords = b.journalBacklogRecords;
        this.journalBacklogBytes = b.journalBacklogBytes;
        this.replicationLagMillis = b.replicationLagMillis;
        this.primaryReads = b.primaryReads;
        this.secondaryReads = b.secondaryReads;
        this.fallbackReads = b.fallbackReads;
        this.shadowReadsCompared = b.shadowReadsCompared;
        this.shadowReadsMismatched = b.shadowReadsMismatched;
        this.shadowReadsSkipped = b.shadowReadsSkipped;
        this.shadowReadsDropped = b.shadowReadsDropped;
        this.shadowReadsFailed = b.shadowReadsFailed;
        this.nondeterministic = b.nondeterministic;
        this.circuit = b.circuit;
    }

    /** All counters 0, circuit closed. */
    public static Builder builder() {
        return new Builder();
    }

    /** Writes whose outcome is decided: one statement execution or one batch each. */
    public long seen() {
        return seen;
    }

    /** Applied on the secondary. */
    public long applied() {
        return applied;
    }

    /** Kept in the journal, to be replayed. */
    public long journaled() {
        return journaled;
    }

    /** Not mirrored by configuration: excluded tables, DDL while {@code writes.ddl} is off, procedures. */
    public long skipped() {
        return skipped;
    }

    /** Failed on the secondary and dropped, as {@code writes.on-failure: ignore} asks. */
    public long ignored() {
        return ignored;
    }

    /** Neither applied nor kept, for example because the journal could not be written: the secondary misses them. */
    public long lost() {
        return lost;
    }

    /** Writes of transactions the application rolled back; outside the sum. */
    public long rolledBack() {
        return rolledBack;
    }

    /** Journaled writes later applied on the secondary. */
    public long replayed() {
        return replayed;
    }

    /** Journaled writes the replay gave up on and set aside. */
    public long deadLettered() {
        return deadLettered;
    }

    /**
     * Mirrored writes whose SQL has expressions such as {@code now()} that each side evaluates on its own, so their
     * values may differ; outside the sum.
     */
    public long nondeterministic() {
        return nondeterministic;
    }

    /** Writes waiting in the async queue; 0 in sync mode. */
    public long queueDepth() {
        return queueDepth;
    }

    public long journalBacklogRecords() {
        return journalBacklogRecords;
    }

    /** Bytes the backlog takes on disk. */
    public long journalBacklogBytes() {
        return journalBacklogBytes;
    }

    /** Age of the oldest write not yet applied on the secondary; 0 when there is none. */
    public long replicationLagMillis() {
        return replicationLagMillis;
    }

    /** One of {@link #CIRCUIT_STATES}. */
    public String circuit() {
        return circuit;
    }

    /** Reads routed and answered by the primary, fallbacks included. */
    public long primaryReads() {
        return primaryReads;
    }

    /** Reads routed to and answered by the secondary. */
    public long secondaryReads() {
        return secondaryReads;
    }

    /**
     * Reads routed to the secondary that failed there and were answered by the primary; part of
     * {@link #primaryReads()}.
     */
    public long fallbackReads() {
        return fallbackReads;
    }

    /** Shadow reads whose result was compared with the primary's. */
    public long shadowReadsCompared() {
        return shadowReadsCompared;
    }

    /** Compared shadow reads whose results differed; part of {@link #shadowReadsCompared()}. */
    public long shadowReadsMismatched() {
        return shadowReadsMismatched;
    }

    /** Shadow reads not compared: too many rows, or a result not read to the end or scrolled. */
    public long shadowReadsSkipped() {
        return shadowReadsSkipped;
    }

    /** Shadow reads not run because the comparison executor was saturated. */
    public long shadowReadsDropped() {
        return shadowReadsDropped;
    }

    /** Shadow reads the secondary failed to answer. */
    public long shadowReadsFailed() {
        return shadowReadsFailed;
    }

    /** Compared shadow reads whose results were the same: compared less mismatched. */
    public long shadowReadsMatched() {
        return shadowReadsCompared - shadowReadsMismatched;
    }

    /** Collects the values of one snapshot; not thread-safe, meant to be filled and built in one go. */
    public static final class Builder {

        private long seen;
        private long applied;
        private long journaled;
        private long skipped;
        private long ignored;
        private long lost;
        private long rolledBack;
        private long replayed;
        private long deadLettered;
        private long queueDepth;
        private long journalBacklogRecords;
        private long journalBacklogBytes;
        private long replicationLagMillis;
        private long primaryReads;
        private long secondaryReads;
        private long fallbackReads;
        private long shadowReadsCompared;
        private long shadowReadsMismatched;
        private long shadowReadsSkipped;
        private long shadowReadsDropped;
        private long shadowReadsFailed;
        private long nondeterministic;
        private String circuit = CIRCUIT_CLOSED;

        private Builder() {
        }

        public Builder seen(long value) {
            seen = value;
            return this;
        }

        public Builder applied(long value) {
            applied = value;
            return this;
        }

        public Builder journaled(long value) {
            journaled = value;
            return this;
        }

        public Builder skipped(long value) {
            skipped = value;
            return this;
        }

        public Builder ignored(long value) {
            ignored = value;
            return this;
        }

        public Builder lost(long value) {
            lost = value;
            return this;
        }

        public Builder rolledBack(long value) {
            rolledBack = value;
            return this;
        }

        public Builder replayed(long value) {
            replayed = value;
            return this;
        }

        public Builder deadLettered(long value) {
            deadLettered = value;
            return this;
        }

        public Builder nondeterministic(long value) {
            nondeterministic = value;
            return this;
        }

        public Builder queueDepth(long value) {
            queueDepth = value;
            return this;
        }

        public Builder journalBacklogRecords(long value) {
            journalBacklogRecords = value;
            return this;
        }

        public Builder journalBacklogBytes(long value) {
            journalBacklogBytes = value;
            return this;
        }

        public Builder replicationLagMillis(long value) {
            replicationLagMillis = value;
            return this;
        }

        public Builder primaryReads(long value) {
            primaryReads = value;
            return this;
        }

        public Builder secondaryReads(long value) {
            secondaryReads = value;
            return this;
        }

        public Builder fallbackReads(long value) {
            fallbackReads = value;
            return this;
        }

        public Builder shadowReadsCompared(long value) {
            shadowReadsCompared = value;
            return this;
        }

        public Builder shadowReadsMismatched(long value) {
            shadowReadsMismatched = value;
            return this;
        }

        public Builder shadowReadsSkipped(long value) {
            shadowReadsSkipped = value;
            return this;
        }

        public Builder shadowReadsDropped(long value) {
            shadowReadsDropped = value;
            return this;
        }

        public Builder shadowReadsFailed(long value) {
            shadowReadsFailed = value;
            return this;
        }

        /** @param state one of {@link #CIRCUIT_STATES}; anything else would publish no circuit state at all */
        public Builder circuit(String state) {
            if (!CIRCUIT_STATES.contains(Objects.requireNonNull(state, "circuit"))) {
                throw new IllegalArgumentException("circuit state '" + state + "' is none of " + CIRCUIT_STATES);
            }
            circuit = state;
            return this;
        }

        public MetricsSnapshot build() {
            return new MetricsSnapshot(this);
        }
    }
}
