package io.dualwrite.agent.read;

import io.dualwrite.agent.metrics.ReadStats;
import io.dualwrite.agent.shadow.ShadowOutcomes;

/** Counts what became of each shadowed read, in the read counters. */
final class ShadowCounts implements ShadowOutcomes {

    private final ReadStats stats;

    ShadowCounts(ReadStats stats) {
        this.stats = stats;
    }

    @Override
    public void compared(boolean matched) {
        stats.shadowCompared(matched);
    }

    @Override
    public void skipped() {
        stats.shadowSkipped();
    }

    @Override
    public void dropped() {
        stats.shadowDropped();
    }

    @Override
    public void failed() {
        stats.shadowFailed();
    }
}
