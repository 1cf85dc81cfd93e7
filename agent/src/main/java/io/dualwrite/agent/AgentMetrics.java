package io.dualwrite.agent;

import io.dualwrite.agent.journal.JournalStats;
import io.dualwrite.agent.metrics.MetricsSnapshot;
import io.dualwrite.agent.metrics.ReadStats;
import io.dualwrite.agent.metrics.WriteStats;
import io.dualwrite.agent.mirror.AsyncApplier;
import io.dualwrite.agent.mirror.Backlog;
import io.dualwrite.agent.mirror.Drainer;
import java.util.function.Supplier;

/**
 * Gathers the agent's write and read counters and the backlog's state into one snapshot for JMX and the endpoint.
 */
final class AgentMetrics implements Supplier<MetricsSnapshot> {

    private final WriteStats stats;
    private final ReadStats reads;
    private final Backlog backlog;
    private final Drainer drainer;
    private final AsyncApplier async;

    /**
     * @param backlog and {@code drainer} null when there is no journal
     * @param async   null in sync mode
     */
    AgentMetrics(WriteStats stats, ReadStats reads, Backlog backlog, Drainer drainer, AsyncApplier async) {
        this.stats = stats;
        this.reads = reads;
        this.backlog = backlog;
        this.drainer = drainer;
        this.async = async;
    }

    @Override
    public MetricsSnapshot get() {
        long applied = stats.applied();
        long journaled = stats.journaled();
        long skipped = stats.skipped();
        long ignored = stats.ignored();
        long lost = stats.lost();
        MetricsSnapshot.Builder snapshot = MetricsSnapshot.builder()
                // the sum of the fates rather than the seen counter, which a write in flight may have reached
                // first: a snapshot always adds up
                .seen(applied + journaled + skipped + ignored + lost)
                .applied(applied).journaled(journaled).skipped(skipped).ignored(ignored).lost(lost)
                .rolledBack(stats.rolledBack()).replayed(stats.replayed()).deadLettered(stats.deadLettered())
                .nondeterministic(stats.nondeterministicWrites());
        long matched = reads.shadowReadsMatched();
        long mismatched = reads.shadowReadsMismatched();
        // compared from the same two readings as mismatched, so that matched (their difference) never goes back
        snapshot.primaryReads(reads.primaryReads()).secondaryReads(reads.secondaryReads())
                .fallbackReads(reads.fallbackReads()).shadowReadsCompared(matched + mismatched)
                .shadowReadsMismatched(mismatched).shadowReadsSkipped(reads.shadowReadsSkipped())
                .shadowReadsDropped(reads.shadowReadsDropped()).shadowReadsFailed(reads.shadowReadsFailed());
        long lagMillis = 0;
        if (async != null) {
            snapshot.queueDepth(async.depth());
            lagMillis = async.oldestWaitMillis();
        }
        if (backlog != null) {
            JournalStats journal = backlog.journal().stats();
            if (journal.pendingRecords() > 0) {
                lagMillis = Math.max(lagMillis, System.currentTimeMillis() - journal.oldestPendingMillis());
            }
            snapshot.journalBacklogRecords(journal.pendingRecords()).journalBacklogBytes(journal.pendingBytes())
                    .circuit(!backlog.isOpen() ? MetricsSnapshot.CIRCUIT_CLOSED
                            : drainer.state() == Drainer.State.DRAINING ? MetricsSnapshot.CIRCUIT_DRAINING
                            : MetricsSnapshot.CIRCUIT_OPEN);
        }
        return snapshot.replicationLagMillis(lagMillis).build();
    }
}
