package io.dualwrite.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadStatsTest {

    @Test
    void aNewCounterHasCountedNothing() {
        assertThat(new ReadStats().summary()).isEqualTo("reads: primary=0 secondary=0 fallback=0 shadow compared=0 "
                + "mismatched=0 skipped=0 dropped=0 failed=0");
    }

    @Test
    void everyRoutedReadIsAnsweredByOneSideAndAFallbackCountsForThePrimary() {
        ReadStats stats = new ReadStats();
        stats.primary();
        stats.primary();
        stats.secondary();
        stats.secondary();
        stats.secondary();
        stats.fallback();

        assertThat(stats.primaryReads()).isEqualTo(3);
        assertThat(stats.secondaryReads()).isEqualTo(3);
        assertThat(stats.fallbackReads()).isEqualTo(1);
    }

    @Test
    void mismatchedShadowReadsArePartOfTheComparedOnesAndTheOtherResultsStandApart() {
        ReadStats stats = new ReadStats();
        stats.shadowCompared(true);
        stats.shadowCompared(true);
        stats.shadowCompared(false);
        stats.shadowSkipped();
        stats.shadowDropped();
        stats.shadowDropped();
        stats.shadowFailed();

        assertThat(stats.shadowReadsCompared()).isEqualTo(3);
        assertThat(stats.shadowReadsMatched()).isEqualTo(2);
        assertThat(stats.shadowReadsMismatched()).isEqualTo(1);
        assertThat(stats.shadowReadsSkipped()).isEqualTo(1);
        assertThat(stats.shadowReadsDropped()).isEqualTo(2);
        assertThat(stats.shadowReadsFailed()).isEqualTo(1);
        assertThat(stats.primaryReads()).as("a shadow is no routed read").isZero();
    }

    @Test
    void theExitLineNamesEveryCounter() {
        ReadStats stats = new ReadStats();
        stats.primary();
        stats.secondary();
        stats.secondary();
        stats.fallback();
        stats.shadowCompared(true);
        stats.shadowCompared(false);
        stats.shadowSkipped();
        stats.shadowDropped();
        stats.shadowFailed();

        assertThat(stats.summary()).isEqualTo("reads: primary=2 secondary=2 fallback=1 shadow compared=2 "
                + "mismatched=1 skipped=1 dropped=1 failed=1");
    }
}
