package io.dualwrite.sample.load;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One thread of the workload: draws a kind from the mix, performs it on its own rows, and, while the run
 * measures, records its latency. An error never stops the thread: it is counted, the first few are shown on
 * stderr, and broken connections are replaced. Its {@link Measurements} are read once the thread has ended.
 */
final class LoadWorker implements Runnable {

    /** Opens what a worker writes through: the primary alone, or both databases by hand. */
    interface OrdersOpener {
        Orders open() throws SQLException;
    }

    private static final int ERRORS_SHOWN = 20;
    private static final long PAUSE_AFTER_FAILED_CONNECT_MS = 100;

    private final int thread;
    private final OperationMix mix;
    private final int batch;
    private final Pacer pacer;
    private final OrdersOpener opener;
    private final AtomicReference<RunPhase> phase;
    private final AtomicInteger errorsShown;
    private final Random random;
    private final LiveIds live;
    private final Measurements measurements = new Measurements();
    private long nextId;
    private Orders orders;

    LoadWorker(int thread, InitialRows initialRows, OperationMix mix, int batch, Pacer pacer, OrdersOpener opener,
               AtomicReference<RunPhase> phase, AtomicInteger errorsShown) {
        this.thread = thread;
        this.mix = mix;
        this.batch = batch;
        this.pacer = pacer;
        this.opener = opener;
        this.phase = phase;
        this.errorsShown = errorsShown;
        // seeded by thread, so that runs with the same options draw the same operations
        this.random = new Random(thread);
        this.live = new LiveIds(initialRows.idsOf(thread));
        this.nextId = OrdersTable.firstId(thread) + initialRows.countOf(thread);
    }

    Measurements measurements() {
        return measurements;
    }

    @Override
    public void run() {
        try {
            RunPhase now;
            while ((now = phase.get()) != RunPhase.STOP) {
                OperationKind kind = feasible(mix.pick(random));
                pacer.awaitTurn();
                long started = System.nanoTime();
                try {
                    if (orders == null) {
                        orders = opener.open();
                    }
                    int rows = perform(kind);
                    if (now == RunPhase.MEASURE) {
                        measurements.of(kind).recordSuccess(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - started),
                                rows);
                    }
                } catch (SQLException | RuntimeException e) {
                    if (now == RunPhase.MEASURE) {
                        measurements.of(kind).recordError();
                    }
                    show(kind, e);
                    recover();
                }
            }
        } finally {
            if (orders != null) {
                orders.close();
            }
        }
    }

    /** With none of its rows left, an update, delete or select becomes an insert: it has nothing to work on. */
    private OperationKind feasible(OperationKind kind) {
        return kind != OperationKind.INSERT && live.size() == 0 ? OperationKind.INSERT : kind;
    }

    /** Returns the number of rows written or read. */
    private int perform(OperationKind kind) throws SQLException {
        switch (kind) {
            case INSERT:
                return insert();
            case UPDATE:
                orders.update(OrderChange.random(live.pick(random), random));
                return 1;
            case DELETE:
                // forgotten before the delete runs: after a failure the row's state is unknown, so it is left alone
                orders.delete(live.removeAny(random));
                return 1;
            case SELECT:
                orders.select(live.pick(random));
                return 1;
            default:
                throw new IllegalStateException("no operation for " + kind);
        }
    }

    private int insert() throws SQLException {
        List<OrderValues> rows = new ArrayList<>(batch);
        long first = nextId;
        for (int i = 0; i < batch; i++) {
            rows.add(OrderValues.random(newId(), random));
        }
        orders.insert(rows);
        for (long id = first; id < nextId; id++) {
            live.add(id);
        }
        return rows.size();
    }

    /** Never reused, even when the insert that took it failed: a failed insert may still have reached one side. */
    private long newId() {
        if (nextId >= OrdersTable.firstId(thread + 1)) {
            throw new IllegalStateException("thread " + thread + " used up its " + OrdersTable.IDS_PER_THREAD + " ids");
        }
        return nextId++;
    }

    private void show(OperationKind kind, Exception e) {
        if (errorsShown.incrementAndGet() <= ERRORS_SHOWN) {
            System.err.println("load error: thread " + thread + " " + kind.label() + ": " + e);
        }
    }

    /** Drops broken connections (opened again by the next operation); pauses when none could be opened. */
    private void recover() {
        if (orders == null) {
            pause();
        } else if (!orders.usable()) {
            orders.close();
            orders = null;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_AFTER_FAILED_CONNECT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
