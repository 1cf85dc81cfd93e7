package io.dualwrite.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WriteStatsTest {

    @Test
    void seenIsTheSumOfEveryFateAndRollbacksAndReplaysStandApart() {
        WriteStats stats = new WriteStats();
        stats.apply(3);
        stats.journal(2);
        stats.skip();
        stats.ignore(4);
        stats.lose(5);
        stats.rollBack(6);
        stats.replayed(1);
        stats.deadLettered(1);
        stats.nondeterministic();

        assertThat(stats.seen())
                .isEqualTo(stats.applied() + stats.journaled() + stats.skipped() + stats.ignored() + stats.lost())
                .isEqualTo(15);
        assertThat(stats.summary()).isEqualTo("stats: seen=15 applied=3 journaled=2 skipped=1 ignored=4 lost=5 "
                + "rolled-back=6 replayed=1 dead-lettered=1 nondeterministic=1");
    }
}
