package io.dualwrite.agent.reconcile;

/** Keeps a copy under a number of rows per second, on average since it started, by sleeping between chunks. */
final class Throttle {

    private final long rowsPerSecond;
    private final long started = System.nanoTime();
    private long rows;

    /** @param rowsPerSecond 0 for no limit */
    Throttle(long rowsPerSecond) {
        this.rowsPerSecond = rowsPerSecond;
    }

    void pace(long moreRows) throws InterruptedException {
        rows += moreRows;
        if (rowsPerSecond <= 0) {
            return;
        }
        long due = started + rows * 1_000_000_000L / rowsPerSecond;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
        }
    }
}
