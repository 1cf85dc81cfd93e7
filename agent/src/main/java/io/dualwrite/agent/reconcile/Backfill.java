package io.dualwrite.agent.reconcile;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Copies a table's rows from the primary into the secondary in key order, a chunk per secondary transaction,
 * inserting only the rows the secondary lacks: a row the dual writes put there is newer than the one read and
 * is left as it is. After each chunk's commit the checkpoint moves past it, so an interrupted backfill resumes
 * there; rows of a chunk committed just before an interruption are read again and skipped.
 */
public final class Backfill {

    private final Database primary;
    private final Database secondary;
    private final Path checkpointDirectory;
    private final int chunkSize;
    private final long maxRowsPerSecond;
    private final BooleanSupplier stopRequested;

    /** @param maxRowsPerSecond 0 for no limit */
    public Backfill(Database primary, Database secondary, Path checkpointDirectory, int chunkSize,
            long maxRowsPerSecond, BooleanSupplier stopRequested) {
        this.primary = primary;
        this.secondary = secondary;
        this.checkpointDirectory = checkpointDirectory;
        this.chunkSize = chunkSize;
        this.maxRowsPerSecond = maxRowsPerSecond;
        this.stopRequested = stopRequested;
    }

    /**
     * @param restart       forget the table's checkpoint and copy it from its start
     * @param rowsRemaining told, before copying, how many rows are left to read (an estimate, for progress)
     * @param rowsRead      told of each chunk read
     * @return false when stopped before the end
     */
    public boolean copy(ReconcileTable table, boolean restart, BackfillCounts counts, LongConsumer rowsRemaining,
            LongConsumer rowsRead) throws SQLException, IOException, InterruptedException {
        TablePair pair = table.pair();
        String databases = primary + " -> " + secondary;
        // restarting reads no checkpoint: the one there may be damaged or of other databases, as its errors say
        BackfillCheckpoint checkpoint = restart
                ? BackfillCheckpoint.restart(checkpointDirectory, pair.name, databases)
                : BackfillCheckpoint.read(checkpointDirectory, pair.name, databases);
        counts.checkpointFile = checkpoint.file().toString();
        if (checkpoint.done) {
            counts.alreadyDone = true;
            return true;
        }
        TableReader primaryReader = new TableReader(pair, Side.PRIMARY, primary.names(), primary.dialect());
        TableReader secondaryReader = new TableReader(pair, Side.SECONDARY, secondary.names(), secondary.dialect());
        RowWriter writer = new RowWriter(pair, secondaryReader, secondary.names(), secondary.dialect());
        Throttle throttle = new Throttle(maxRowsPerSecond);
        try (Connection primaryConnection = primary.open(); Connection secondaryConnection = secondary.open()) {
            counts.readBefore = checkpoint.rowsRead;
            if (checkpoint.lastKey != null) {
                counts.resumedAfter = KeyText.render(pair, checkpoint.lastKey, Side.PRIMARY);
            }
            rowsRemaining.accept(Math.max(0, primaryReader.count(primaryConnection) - checkpoint.rowsRead));
            secondaryConnection.setAutoCommit(false);
            while (!stopRequested.getAsBoolean()) {
                List<Row> rows = primaryReader.chunkAfter(primaryConnection, checkpoint.lastKey, chunkSize, false);
                if (rows.isEmpty()) {
                    checkpoint.done = true;
                    checkpoint.write(pair.name);
                    return true;
                }
                long inserted;
                try {
                    inserted = writer.insertMissing(secondaryConnection, rows);
                    secondaryConnection.commit();
                } catch (SQLException | RuntimeException e) {
                    secondaryConnection.rollback();
                    throw e;
                }
                counts.read += rows.size();
                counts.copied += inserted;
                checkpoint.rowsRead += rows.size();
                checkpoint.lastKey = keyOf(rows.get(rows.size() - 1), pair.keySize);
                checkpoint.write(pair.name);
                rowsRead.accept(rows.size());
                throttle.pace(rows.size());
            }
            return false;
        }
    }

    private static Object[] keyOf(Row row, int keySize) {
        Object[] key = new Object[keySize];
        System.arraycopy(row.values, 0, key, 0, keySize);
        return key;
    }
}
