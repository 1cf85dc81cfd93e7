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
                empty.journalBacklogRecords(), empty.journalBacklogBytes(), empty.replicationLagMillis(),
                empty.primaryReads(), empty.secondaryReads(), empty.fallbackReads(), empty.shadowReadsCompared(),
                empty.shadowReadsMatched(), empty.shadowReadsMismatched(), empty.shadowReadsSkipped(),
                empty.shadowReadsDropped(), empty.shadowReadsFailed(), empty.nondeterministic()})
                .containsOnly(0L);
        assertThat(empty.circuit()).isEqualTo("closed");
    }

    @Test
    void anUnknownCircuitStateIsRefusedRatherThanPublishedAsNoStateAtAll() {
        assertThatThrownBy(() -> MetricsSnapshot.builder().circuit("half-open"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("circuit state 'half-open' is none of [closed, open, draining]");
    }

    @Test
    void theMatchedShadowReadsAreTheComparedOnesThatDidNotMismatch() {
        MetricsSnapshot snapshot = sample().build();

        assertThat(snapshot.shadowReadsCompared()).isEqualTo(25);
        assertThat(snapshot.shadowReadsMismatched()).isEqualTo(9);
        assertThat(snapshot.shadowReadsMatched()).isEqualTo(16);
    }

    /** Values all different, so that a test reading one in the place of another fails. */
    static MetricsSnapshot.Builder sample() {
        return MetricsSnapshot.builder().seen(100).applied(60).journaled(20).skipped(10).ignored(6).lost(4)
                .rolledBack(7).replayed(15).deadLettered(2).queueDepth(3).journalBacklogRecords(5)
                .journalBacklogBytes(4096).replicationLagMillis(1500).circuit(MetricsSnapshot.CIRCUIT_OPEN)
                .primaryReads(41).secondaryReads(31).fallbackReads(8).shadowReadsCompared(25)
                .shadowReadsMismatched(9).shadowReadsSkipped(11).shadowReadsDropped(12).shadowReadsFailed(13)
                .nondeterministic(17);
    }
}
