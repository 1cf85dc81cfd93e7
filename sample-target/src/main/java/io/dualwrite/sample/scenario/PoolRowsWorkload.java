package io.dualwrite.sample.scenario;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One thread's writes into {@code pool_rows}: for seq 1..rows, insert row {@code base + threadNo * 100000 +
 * seq} labelled "prefix-threadNo-seq", relabel it "…-updated" when seq is a multiple of 3, delete it when seq
 * is a multiple of 10. Every 4th seq runs as one explicit transaction, the others in autocommit. Each seq
 * takes its connection from the {@link ConnectionSource} anew, as pooled applications do.
 */
final class PoolRowsWorkload {

    static final long IDS_PER_THREAD = 100_000;

    /** Lends a connection for one unit of work. */
    interface ConnectionSource {
        void withConnection(ConnectionWork work) throws SQLException;
    }

    interface ConnectionWork {
        void run(Connection connection) throws SQLException;
    }

    private final ConnectionSource source;
    private final String labelPrefix;
    private final long idBase;

    PoolRowsWorkload(ConnectionSource source, String labelPrefix, long idBase) {
        this.source = source;
        this.labelPrefix = labelPrefix;
        this.idBase = idBase;
    }

    void run(int threadNo, int rows) throws SQLException {
        if (rows >= IDS_PER_THREAD) {
            throw new IllegalArgumentException("at most " + (IDS_PER_THREAD - 1) + " rows per thread");
        }
        for (int seq = 1; seq <= rows; seq++) {
            int currentSeq = seq;
            boolean inTransaction = seq % 4 == 0;
            source.withConnection(connection -> {
                if (inTransaction) {
                    connection.setAutoCommit(false);
                }
                writeSeq(connection, threadNo, currentSeq);
                if (inTransaction) {
                    connection.commit();
                    connection.setAutoCommit(true);
                }
            });
        }
    }

    private void writeSeq(Connection connection, int threadNo, int seq) throws SQLException {
        long id = idBase + threadNo * IDS_PER_THREAD + seq;
        String label = labelPrefix + "-" + threadNo + "-" + seq;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO pool_rows (id, thread_no, seq, label) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setInt(2, threadNo);
            insert.setInt(3, seq);
            insert.setString(4, label);
            insert.executeUpdate();
        }
        if (seq % 3 == 0) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE pool_rows SET label = ? WHERE id = ?")) {
                update.setString(1, label + "-updated");
                update.setLong(2, id);
                update.executeUpdate();
            }
        }
        if (seq % 10 == 0) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM pool_rows WHERE id = ?")) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
        }
    }
}
