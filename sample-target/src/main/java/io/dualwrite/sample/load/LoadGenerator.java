package io.dualwrite.sample.load;

import io.dualwrite.sample.Dialect;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * The {@code load} command: a measured workload on {@link OrdersTable bench_orders}, for benchmarks with and
 * without the agent. It creates the table if missing and refills it with {@code --rows} rows (on both databases
 * in hand-written dual-write mode), so that every run starts alike; with {@code --setup-only} it stops there.
 * Then {@code --threads} threads, each with its own connection (two in hand-written mode) and its own rows, run
 * operations drawn from {@code --mix} back to back (or, with {@code --rate}, spaced so that all together run at
 * most that many per second): {@code --warmup} seconds unmeasured, then {@code --duration} seconds measured. With
 * the agent attached, its replication lag is sampled while the run measures ({@link LagSampler}). The
 * {@link LoadReport} goes to stdout and, with {@code --json}, to a file.
 */
public final class LoadGenerator {

    private final LoadOptions options;

    private LoadGenerator(LoadOptions options) {
        this.options = options;
    }

    /** Returns the exit code. */
    public static int run(LoadOptions options) throws SQLException, InterruptedException, IOException {
        return new LoadGenerator(options).run();
    }

    private int run() throws SQLException, InterruptedException, IOException {
        InitialRows initialRows = new InitialRows(options.threads, options.rows);
        String primaryProduct = prepare(options.primary, initialRows);
        String secondaryProduct = options.handWrittenDualWrite() ? prepare(options.secondary, initialRows) : null;
        System.out.println("load: " + OrdersTable.NAME + " holds " + options.rows + " rows on the primary ("
                + primaryProduct + ")" + (secondaryProduct == null ? "" : " and the secondary (" + secondaryProduct
                + ")"));
        if (options.setupOnly) {
            return 0;
        }
        HeapSampler heap = new HeapSampler().start();
        AtomicReference<RunPhase> phase = new AtomicReference<>(RunPhase.WARM_UP);
        AtomicInteger errorsShown = new AtomicInteger();
        List<LoadWorker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int thread = 0; thread < options.threads; thread++) {
            LoadWorker worker = new LoadWorker(thread, initialRows, options.mix, options.batch,
                    Pacer.forShare(options.rate, options.threads), this::openOrders, phase, errorsShown);
            workers.add(worker);
            threads.add(new Thread(worker, "load-" + thread));
        }
        threads.forEach(Thread::start);
        TimeUnit.SECONDS.sleep(options.warmupSeconds);
        LagSampler lag = new LagSampler();
        boolean agentPresent = lag.startIfAgentPresent();
        long measureStarted = System.nanoTime();
        phase.set(RunPhase.MEASURE);
        TimeUnit.SECONDS.sleep(options.durationSeconds);
        phase.set(RunPhase.STOP);
        for (Thread thread : threads) {
            thread.join();
        }
        // until every thread stopped: the operations under way at the stop were measured too
        long measuredNanos = System.nanoTime() - measureStarted;
        Histogram lagMillis = agentPresent ? lag.stop() : null;
        long maxUsedHeap = heap.stop();
        long usedHeapAfterGc = heap.usedAfterGc();

        Measurements all = new Measurements();
        for (LoadWorker worker : workers) {
            all.add(worker.measurements());
        }
        LoadReport report = new LoadReport(options, primaryProduct, secondaryProduct, all, measuredNanos, lagMillis,
                maxUsedHeap, usedHeapAfterGc, heap.maxBytes());
        report.print(System.out);
        if (options.json != null) {
            report.writeJson(options.json);
            System.out.println("load: report written to " + options.json);
        }
        return 0;
    }

    /** Creates and refills the table; returns the database's product name. */
    private static String prepare(ConnectionSettings settings, InitialRows initialRows) throws SQLException {
        try (Connection connection = settings.connect()) {
            connection.setAutoCommit(true);
            OrdersTable.createIfMissing(connection);
            OrdersTable.refill(connection, initialRows);
            return Dialect.of(connection).displayName();
        }
    }

    private Orders openOrders() throws SQLException {
        return options.handWrittenDualWrite() ? HandWrittenDualWrite.open(options.primary, options.secondary)
                : OrderStatements.open(options.primary);
    }
}
