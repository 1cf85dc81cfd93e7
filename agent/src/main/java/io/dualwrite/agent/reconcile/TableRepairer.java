package io.dualwrite.agent.reconcile;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes the secondary's rows of differing keys equal to the primary's, a batch of keys per secondary
 * transaction. The secondary's rows are locked first ({@code SELECT ... FOR UPDATE}), then the primary's are
 * read, then written: a dual write of one of these rows waits for the lock and lands after the repair, and one
 * that landed before it is in what the primary reads, so the repair never writes older data over newer. A key
 * the secondary lacks is inserted only if still absent, for the same reason.
 */
final class TableRepairer implements DifferenceSink, AutoCloseable {

    private final TablePair table;
    private final TableReader primaryReader;
    private final TableReader secondaryReader;
    private final RowWriter writer;
    private final Connection primaryConnection;
    private final Connection secondaryConnection;
    private final int batchSize;
    private final RepairCounts counts;
    private final Recheck afterwards;
    private final List<Object[]> keys = new ArrayList<>();
    private Side keySide;

    TableRepairer(TablePair table, Database primary, Database secondary, TableReader primaryReader,
            TableReader secondaryReader, RowWriter writer, Connection primaryConnection,
            Connection secondaryConnection, int batchSize, RepairCounts counts, DifferenceSink stillDifferent) {
        this.table = table;
        this.primaryReader = primaryReader;
        this.secondaryReader = secondaryReader;
        this.writer = writer;
        this.primaryConnection = primaryConnection;
        this.secondaryConnection = secondaryConnection;
        this.batchSize = batchSize;
        this.counts = counts;
        this.afterwards = new Recheck(table, primary, secondary, primaryReader, secondaryReader, batchSize,
                difference -> {
                    counts.stillDifferent++;
                    stillDifferent.accept(difference);
                });
    }

    /** A difference found by verification: repaired with the batch it falls in. */
    @Override
    public void accept(Difference difference) throws SQLException, IOException {
        if (!keys.isEmpty() && keySide != difference.keySide()) {
            flush();
        }
        keySide = difference.keySide();
        keys.add(difference.key());
        if (keys.size() >= batchSize) {
            flush();
        }
    }

    /** Repairs the keys not repaired yet, then reads every repaired key again. */
    void finish() throws SQLException, IOException, InterruptedException {
        flush();
        afterwards.finish();
    }

    @Override
    public void close() {
        afterwards.close();
    }

    private void flush() throws SQLException, IOException {
        if (keys.isEmpty()) {
            return;
        }
        List<Row> inserts = new ArrayList<>();
        List<Row> updates = new ArrayList<>();
        List<Row> deletes = new ArrayList<>();
        secondaryConnection.setAutoCommit(false);
        try {
            Map<String, Row> secondaryRows = secondaryReader.lookup(secondaryConnection, keys, false, true);
            Map<String, Row> primaryRows = primaryReader.lookup(primaryConnection, keys, false, false);
            for (Object[] key : keys) {
                String text = table.keyText(key, keySide);
                Row primary = primaryRows.get(text);
                Row secondary = secondaryRows.get(text);
                if (primary == null && secondary != null) {
                    deletes.add(secondary);
                } else if (primary != null && secondary == null) {
                    inserts.add(primary);
                } else if (primary != null && !table.differingColumns(primary, secondary).isEmpty()) {
                    updates.add(primary);
                } else {
                    counts.unchanged++;
                }
            }
            writer.delete(secondaryConnection, deletes);
            writer.update(secondaryConnection, updates);
            long inserted = writer.insertMissing(secondaryConnection, inserts);
            secondaryConnection.commit();
            counts.deleted += deletes.size();
            counts.updated += updates.size();
            counts.inserted += inserted;
            counts.unchanged += inserts.size() - inserted;
        } catch (SQLException | RuntimeException e) {
            rollback();
            throw e;
        } finally {
            secondaryConnection.setAutoCommit(true);
        }
        try {
            for (Object[] key : keys) {
                afterwards.suspect(key, keySide);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading repaired rows again", e);
        }
        keys.clear();
    }

    private void rollback() {
        try {
            secondaryConnection.rollback();
        } catch (SQLException ignored) {
            // the failure that led here is what the person needs to see
        }
    }
}
