package io.dualwrite.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.agent.metrics.MetricsSnapshot;
import io.dualwrite.agent.metrics.ReadStats;
import io.dualwrite.agent.metrics.WriteStats;
import org.junit.jupiter.api.Test;

/** The snapshot the MBean and the endpoint publish, taken from the agent's counters. */
class AgentMetricsTest {

    @Test
    void theReadCountersAreCopiedIntoTheSnapshotNextToTheWriteCounters() {
        WriteStats writes = new WriteStats();
        writes.apply(2);
        ReadStats reads = new ReadStats();
        reads.primary();
        reads.secondary();
        reads.secondary();
        reads.fallback();
        reads.shadowCompared(true);
        reads.shadowCompared(false);
        reads.shadowCompared(false);
        reads.shadowSkipped();
        reads.shadowDropped();
        reads.shadowFailed();

        MetricsSnapshot snapshot = new AgentMetrics(writes, reads, null, null, null).get();

        assertThat(snapshot.seen()).isEqualTo(2);
        assertThat(snapshot.applied()).isEqualTo(2);
        assertThat(new long[] {snapshot.primaryReads(), snapshot.secondaryReads(), snapshot.fallbackReads(),
                snapshot.shadowReadsCompared(), snapshot.shadowReadsMatched(), snapshot.shadowReadsMismatched(),
                snapshot.shadowReadsSkipped(), snapshot.shadowReadsDropped(), snapshot.shadowReadsFailed()})
                .containsExactly(2, 2, 1, 3, 1, 2, 1, 1, 1);
    }
}
