package io.dualwrite.agent.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * What became of every write the agent saw. A write (one statement execution, or one batch) is counted in
 * {@code seen} when its fate is decided, and then in exactly one of applied, failed or skipped, so that
 * seen = applied + failed + skipped whenever no mirror is in flight. Writes of transactions the
 * application rolled back never reach a database and are counted apart, in rolled-back.
 */
public final class WriteStats {

    private final LongAdder seen = new LongAdder();
    private final LongAdder applied = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder rolledBack = new LongAdder();

    public void apply(int writes) {
        seen.add(writes);
        applied.add(writes);
    }

    public void fail(int writes) {
        seen.add(writes);
        failed.add(writes);
    }

    public void skip() {
        seen.increment();
        skipped.increment();
    }

    public void rollBack(int writes) {
        rolledBack.add(writes);
    }

    public long seen() {
        return seen.sum();
    }

    public long applied() {
        return applied.sum();
    }

    public long failed() {
        return failed.sum();
    }

    public long skipped() {
        return skipped.sum();
    }

    public long rolledBack() {
        return rolledBack.sum();
    }

    /** The line printed at exit; integration tests and operators read it. */
    public String summary() {
        return "stats: seen=" + seen() + " applied=" + applied() + " failed=" + failed() + " skipped=" + skipped()
                + " rolled-back=" + rolledBack();
    }
}
