package io.dualwrite.agent.reconcile;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/** One side's rows in key order, a row at a time, read a chunk per query (keyset pagination). */
final class ChunkCursor {

    private final TableReader reader;
    private final Connection connection;
    private final int chunkSize;
    private List<Row> chunk = Collections.emptyList();
    private int next;
    private boolean exhausted;

    ChunkCursor(TableReader reader, Connection connection, int chunkSize) {
        this.reader = reader;
        this.connection = connection;
        this.chunkSize = chunkSize;
    }

    /** The current row; null after the last. */
    Row row() throws SQLException {
        if (next == chunk.size() && !exhausted) {
            Object[] after = chunk.isEmpty() ? null : chunk.get(chunk.size() - 1).values;
            chunk = reader.chunkAfter(connection, after, chunkSize, false);
            next = 0;
            exhausted = chunk.size() < chunkSize;
        }
        return next < chunk.size() ? chunk.get(next) : null;
    }

    void advance() {
        next++;
    }
}
