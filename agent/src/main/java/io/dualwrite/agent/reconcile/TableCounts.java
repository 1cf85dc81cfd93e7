package io.dualwrite.agent.reconcile;

import java.util.concurrent.atomic.AtomicLong;

/** What a verification of one table found: rows compared, and confirmed differences by kind. */
public final class TableCounts {

    private final AtomicLong compared = new AtomicLong();
    private final AtomicLong missing = new AtomicLong();
    private final AtomicLong extra = new AtomicLong();
    private final AtomicLong different = new AtomicLong();

    void compared(long rows) {
        compared.addAndGet(rows);
    }

    void count(Difference difference) {
        switch (difference.kind()) {
            case MISSING:
                missing.incrementAndGet();
                break;
            case EXTRA:
                extra.incrementAndGet();
                break;
            default:
                different.incrementAndGet();
        }
    }

    /** Rows of the primary compared with the secondary's. */
    public long compared() {
        return compared.get();
    }

    public long missing() {
        return missing.get();
    }

    public long extra() {
        return extra.get();
    }

    public long different() {
        return different.get();
    }

    public long differences() {
        return missing() + extra() + different();
    }
}
