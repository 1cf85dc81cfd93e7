package io.dualwrite.sample.load;

/** How the {@code --rows} initial rows are shared out: evenly among the threads, the first ones taking the rest. */
final class InitialRows {

    private final int threads;
    private final int rows;

    InitialRows(int threads, int rows) {
        this.threads = threads;
        this.rows = rows;
    }

    int threads() {
        return threads;
    }

    int countOf(int thread) {
        return rows / threads + (thread < rows % threads ? 1 : 0);
    }

    /** The ids of the thread's initial rows: the first {@link #countOf} ids of its range. */
    long[] idsOf(int thread) {
        long[] ids = new long[countOf(thread)];
        long first = OrdersTable.firstId(thread);
        for (int i = 0; i < ids.length; i++) {
            ids[i] = first + i;
        }
        return ids;
    }
}
