package io.dualwrite.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WriteStatsTest {

    @Test
    void seenIsAlwaysAppliedPlusFailedPlusSkippedAndRollbacksStandApart() {
        WriteStats stats = new WriteStats();
        stats.apply(3);
        stats.fail(2);
        stats.skip();
        stats.rollBack(4);

        assertThat(stats.seen()).isEqualTo(stats.applied() + stats.failed() + stats.skipped()).isEqualTo(6);
        assertThat(stats.summary()).isEqualTo("stats: seen=6 applied=3 failed=2 skipped=1 rolled-back=4");
    }
}
