package io.dualwrite.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricsSnapshotTest {

    @Test
    void aNewSnapshotCountsNothingAndHasItsCircuitClosed() {
        MetricsSnapshot empty = MetricsSnapshot.builder().build();

        assertThat(new long[] {empty.seen(), empty.applied(), empty.journaled(), empty.skipped(), empty.ignored(),
                empty.lost(), empty.rolledBack(), empty.replayed(), empty.deadLettered(), empty.queueDepth(),
                empty.journalBacklogRecords(), empty.journalBacklogBytes(), empty.replicationLagMillis()})
                .containsOnly(0L);
        assertThat(empty.circuit()).isEqualTo("closed");
    }

    @Test
    void anUnknownCircuitStateIsRefusedRatherThanPublishedAsNoStateAtAll() {
        assertThatThrownBy(() -> MetricsSnapshot.builder().circuit("half-open"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("circuit state 'half-open' is none of [closed, open, draining]");
    }

    /** Values all different, so that a test reading one in the place of another fails. */
    static MetricsSnapshot.Builder sample() {
        return MetricsSnapshot.builder().seen(100).applied(60).journaled(20).skipped(10).ignored(6).lost(4)
                .rolledBack(7).replayed(15).deadLettered(2).queueDepth(3).journalBacklogRecords(5)
                .journalBacklogBytes(4096).replicationLagMillis(1500).circuit(MetricsSnapshot.CIRCUIT_OPEN);
    }
}
