package io.dualwrite.agent.reconcile;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Keys whose rows looked different, read again from both sides a moment later before anything is reported: a
 * write the application made between the two reads (committed on the primary, its mirror not yet on the
 * secondary) is not drift. Runs beside the scan that suspects the keys, on a thread and connections of its own,
 * so that waiting out the delay does not hold the scan up; a few batches of keys wait at most (the scan waits
 * when they are all taken). What is still different goes to the sink.
 */
final class Recheck implements AutoCloseable {

    static final long DELAY_NANOS = 250_000_000L;
    private static final int BATCHES_WAITING = 16;

    private final TablePair table;
    private final Database primary;
    private final Database secondary;
    private final TableReader primaryReader;
    private final TableReader secondaryReader;
    private final int batchSize;
    private final DifferenceSink sink;
    private final ExecutorService worker;
    private final Semaphore room = new Semaphore(BATCHES_WAITING);
    /** Keys suspected and not yet handed to the worker, by the side they were read from. */
    private final Pending fromPrimary = new Pending(Side.PRIMARY);
    private final Pending fromSecondary = new Pending(Side.SECONDARY);
    private Connection primaryConnection;
    private Connection secondaryConnection;
    private volatile Exception failure;

    Recheck(TablePair table, Database primary, Database secondary, TableReader primaryReader,
            TableReader secondaryReader, int batchSize, DifferenceSink sink) {
        this.table = table;
        this.primary = primary;
        this.secondary = secondary;
        this.primaryReader = primaryReader;
        this.secondaryReader = secondaryReader;
        this.batchSize = batchSize;
        this.sink = sink;
        this.worker = Executors.newSingleThreadExecutor(Daemon.named("dualwrite-recheck"));
    }

    /** A key, as read from {@code side}, whose rows looked different. */
    void suspect(Object[] key, Side side) throws SQLException, IOException, InterruptedException {
        Pending pending = side == Side.PRIMARY ? fromPrimary : fromSecondary;
        if (pending.keys.isEmpty()) {
            pending.firstSuspectedAt = System.nanoTime();
        }
        pending.keys.add(key);
        if (pending.keys.size() >= batchSize) {
            submit(pending);
        }
    }

    /** Rechecks the keys suspected so far and waits until every difference among them reached the sink. */
    void finish() throws SQLException, IOException, InterruptedException {
        submit(fromPrimary);
        submit(fromSecondary);
        room.acquire(BATCHES_WAITING);
        room.release(BATCHES_WAITING);
        rethrow();
    }

    private void submit(Pending pending) throws SQLException, IOException, InterruptedException {
        rethrow();
        if (pending.keys.isEmpty()) {
            return;
        }
        List<Object[]> batch = pending.keys;
        Side side = pending.side;
        long due = pending.firstSuspectedAt + DELAY_NANOS;
        pending.keys = new ArrayList<>();
        room.acquire();
        worker.execute(() -> {
            try {
                if (failure == null) {
                    recheck(batch, side, due);
                }
            } catch (Exception e) {
                failure = e;
            } finally {
                room.release();
            }
        });
    }

    private void recheck(List<Object[]> batch, Side side, long due)
            throws SQLException, IOException, InterruptedException {
        long wait = due - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        if (primaryConnection == null) {
            primaryConnection = primary.open();
            secondaryConnection = secondary.open();
        }
        Map<String, Row> secondaryRows = secondaryReader.lookup(secondaryConnection, batch, false, false);
        Map<String, Row> primaryRows = primaryReader.lookup(primaryConnection, batch, false, false);
        for (Object[] key : batch) {
            String text = table.keyText(key, side);
            Difference difference = Difference.between(table, key, side, primaryRows.get(text),
                    secondaryRows.get(text));
            if (difference != null) {
                sink.accept(difference);
            }
        }
    }

    private void rethrow() throws SQLException, IOException, InterruptedException {
        Exception e = failure;
        if (e instanceof SQLException) {
            throw (SQLException) e;
        }
        if (e instanceof IOException) {
            throw (IOException) e;
        }
        if (e instanceof InterruptedException) {
            throw (InterruptedException) e;
        }
        if (e != null) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the worker (dropping what it has not rechecked, when the scan was stopped) and closes its connections. */
    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(primaryConnection);
        closeQuietly(secondaryConnection);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing was written through it
            }
        }
    }

    private static final class Pending {
        final Side side;
        List<Object[]> keys = new ArrayList<>();
        long firstSuspectedAt;

        Pending(Side side) {
            this.side = side;
        }
    }
}
