package io.dualwrite.agent.reconcile;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Compares one table's rows on both sides. When both sort its keys alike ({@link KeyOrder}: numbers, dates),
 * both are read in key order, chunk by chunk, and matched as they come. Otherwise in two passes run side by
 * side, each on connections of its own: the primary's rows in its key order, each chunk's keys looked up on the
 * secondary (rows missing or different there); and the secondary's keys in its key order, looked up on the
 * primary (rows extra there), so the two databases need not sort text alike. Memory holds a few chunks,
 * whatever the table's size. Suspected differences are {@link Recheck read again} before the sink hears of
 * them.
 */
final class TableVerifier {

    private final TablePair table;
    private final Database primary;
    private final Database secondary;
    private final TableReader primaryReader;
    private final TableReader secondaryReader;
    private final int chunkSize;
    private final BooleanSupplier stopRequested;

    TableVerifier(TablePair table, Database primary, Database secondary, TableReader primaryReader,
            TableReader secondaryReader, int chunkSize, BooleanSupplier stopRequested) {
        this.table = table;
        this.primary = primary;
        this.secondary = secondary;
        this.primaryReader = primaryReader;
        this.secondaryReader = secondaryReader;
        this.chunkSize = chunkSize;
        this.stopRequested = stopRequested;
    }

    /**
     * @param rowsCompared told of each chunk of primary rows compared
     * @param sink         told of each confirmed difference, one call at a time
     * @return false when stopped before the end
     */
    boolean run(TableCounts counts, LongConsumer rowsCompared, DifferenceSink sink)
            throws SQLException, IOException, InterruptedException {
        DifferenceSink counting = difference -> {
            synchronized (counts) {
                counts.count(difference);
                sink.accept(difference);
            }
        };
        KeyOrder order = KeyOrder.of(table);
        return order != null ? merge(order, counts, rowsCompared, counting) : lookUp(counts, rowsCompared, counting);
    }

    /** The primary's rows looked up on the secondary, and beside it the secondary's keys on the primary. */
    private boolean lookUp(TableCounts counts, LongConsumer rowsCompared, DifferenceSink sink)
            throws SQLException, IOException, InterruptedException {
        ExecutorService extraPass = Executors.newSingleThreadExecutor(Daemon.named("dualwrite-verify-extra"));
        try {
            Future<Boolean> extras = extraPass.submit((Callable<Boolean>) () -> extraRows(sink));
            boolean complete = primaryRows(counts, rowsCompared, sink);
            return extras.get() && complete;
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof SQLException) {
                throw (SQLException) cause;
            }
            if (cause instanceof IOException) {
                throw (IOException) cause;
            }
            throw new IllegalStateException(cause);
        } finally {
            extraPass.shutdownNow();
        }
    }

    /** Both sides' rows in their common key order, matched as they come: each side read once. */
    private boolean merge(KeyOrder order, TableCounts counts, LongConsumer rowsCompared, DifferenceSink sink)
            throws SQLException, IOException, InterruptedException {
        try (Connection primaryConnection = primary.open(); Connection secondaryConnection = secondary.open();
                Recheck recheck = new Recheck(table, primary, secondary, primaryReader, secondaryReader, chunkSize,
                    sink)) {
            ChunkCursor primaryRows = new ChunkCursor(primaryReader, primaryConnection, chunkSize);
            ChunkCursor secondaryRows = new ChunkCursor(secondaryReader, secondaryConnection, chunkSize);
            long compared = 0;
            while (primaryRows.row() != null || secondaryRows.row() != null) {
                Row p = primaryRows.row();
                Row s = secondaryRows.row();
                int position = p == null ? 1 : s == null ? -1 : order.compare(p.values, s.values);
                if (position < 0) {
                    recheck.suspect(p.values, Side.PRIMARY);
                } else if (position > 0) {
                    recheck.suspect(s.values, Side.SECONDARY);
                } else if (!table.differingColumns(p, s).isEmpty()) {
                    recheck.suspect(p.values, Side.PRIMARY);
                }
                if (position <= 0) {
                    primaryRows.advance();
                    if (++compared == chunkSize) {
                        counts.compared(compared);
                        rowsCompared.accept(compared);
                        compared = 0;
                        if (stopRequested.getAsBoolean()) {
                            return false;
                        }
                    }
                }
                if (position >= 0) {
                    secondaryRows.advance();
                }
            }
            counts.compared(compared);
            rowsCompared.accept(compared);
            recheck.finish();
            return true;
        }
    }

    private boolean primaryRows(TableCounts counts, LongConsumer rowsCompared, DifferenceSink sink)
            throws SQLException, IOException, InterruptedException {
        try (Connection primaryConnection = primary.open(); Connection secondaryConnection = secondary.open();
                Recheck recheck = new Recheck(table, primary, secondary, primaryReader, secondaryReader, chunkSize,
                    sink)) {
            Object[] after = null;
            while (!stopRequested.getAsBoolean()) {
                List<Row> rows = primaryReader.chunkAfter(primaryConnection, after, chunkSize, false);
                if (rows.isEmpty()) {
                    recheck.finish();
                    return true;
                }
                Map<String, Row> others = secondaryReader.lookup(secondaryConnection, keys(rows), false, false);
                for (Row row : rows) {
                    Row other = others.get(row.key);
                    if (other == null || !table.differingColumns(row, other).isEmpty()) {
                        recheck.suspect(row.values, Side.PRIMARY);
                    }
                }
                counts.compared(rows.size());
                rowsCompared.accept(rows.size());
                after = rows.get(rows.size() - 1).values;
            }
            return false;
        }
    }

    private boolean extraRows(DifferenceSink sink) throws SQLException, IOException, InterruptedException {
        try (Connection primaryConnection = primary.open(); Connection secondaryConnection = secondary.open();
                Recheck recheck = new Recheck(table, primary, secondary, primaryReader, secondaryReader, chunkSize,
                    sink)) {
            Object[] after = null;
            while (!stopRequested.getAsBoolean()) {
                List<Row> keys = secondaryReader.chunkAfter(secondaryConnection, after, chunkSize, true);
                if (keys.isEmpty()) {
                    recheck.finish();
                    return true;
                }
                Map<String, Row> onPrimary = primaryReader.lookup(primaryConnection, keys(keys), true, false);
                for (Row key : keys) {
                    if (!onPrimary.containsKey(key.key)) {
                        recheck.suspect(key.values, Side.SECONDARY);
                    }
                }
                after = keys.get(keys.size() - 1).values;
            }
            return false;
        }
    }

    static List<Object[]> keys(List<Row> rows) {
        List<Object[]> keys = new ArrayList<>(rows.size());
        for (Row row : rows) {
            keys.add(row.values);
        }
        return keys;
    }
}
