package io.dualwrite.agent.reconcile;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/** Verifies and repairs tables of a primary and a secondary database, chunk by chunk. */
public final class Reconciler {

    private final Database primary;
    private final Database secondary;
    private final int chunkSize;
    private final BooleanSupplier stopRequested;

    /**
     * @param chunkSize     rows read per query, and keys looked up per query
     * @param stopRequested asked between chunks; true ends the work early (the result then says so)
     */
    public Reconciler(Database primary, Database secondary, int chunkSize, BooleanSupplier stopRequested) {
        this.primary = primary;
        this.secondary = secondary;
        this.chunkSize = chunkSize;
        this.stopRequested = stopRequested;
    }

    /** The primary's rows of the table, for progress. */
    public long primaryRows(ReconcileTable table) throws SQLException {
        try (Connection connection = primary.open()) {
            return reader(table.pair(), Side.PRIMARY).count(connection);
        }
    }

    /**
     * Compares the table's rows on both sides; every confirmed difference goes to {@code sink}.
     *
     * @return false when stopped before the end
     */
    public boolean verify(ReconcileTable table, TableCounts counts, LongConsumer rowsCompared, DifferenceSink sink)
            throws SQLException, IOException, InterruptedException {
        return verifier(table.pair()).run(counts, rowsCompared, sink);
    }

    /**
     * Finds the table's differences as {@link #verify} does and repairs each; repaired keys still different when
     * read again afterwards go to {@code stillDifferent}.
     *
     * @return false when stopped before the end
     */
    public boolean repair(ReconcileTable table, TableCounts found, RepairCounts repaired, LongConsumer rowsCompared,
            DifferenceSink stillDifferent) throws SQLException, IOException, InterruptedException {
        TablePair pair = table.pair();
        TableReader secondaryReader = reader(pair, Side.SECONDARY);
        RowWriter writer = new RowWriter(pair, secondaryReader, secondary.names(), secondary.dialect());
        try (Connection primaryConnection = primary.open(); Connection secondaryConnection = secondary.open();
                TableRepairer repairer = new TableRepairer(pair, primary, secondary, reader(pair, Side.PRIMARY),
                        secondaryReader, writer, primaryConnection, secondaryConnection, chunkSize, repaired,
                        stillDifferent)) {
            boolean complete = verifier(pair).run(found, rowsCompared, repairer);
            repairer.finish();
            return complete;
        }
    }

    private TableVerifier verifier(TablePair pair) throws SQLException {
        return new TableVerifier(pair, primary, secondary, reader(pair, Side.PRIMARY), reader(pair, Side.SECONDARY),
                chunkSize, stopRequested);
    }

    TableReader reader(TablePair pair, Side side) throws SQLException {
        Database database = side == Side.PRIMARY ? primary : secondary;
        return new TableReader(pair, side, database.names(), database.dialect());
    }
}
