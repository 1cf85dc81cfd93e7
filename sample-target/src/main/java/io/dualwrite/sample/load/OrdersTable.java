package io.dualwrite.sample.load;

import io.dualwrite.sample.Dialect;
import io.dualwrite.sample.Schema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The workload's own table, {@code bench_orders}, and its SQL. Ids are assigned by the generator, never by the
 * database (the agent does not mirror generated keys yet): thread {@code t} (numbered from 0) owns the ids
 * {@code t * IDS_PER_THREAD + 1 ...}, so no two threads ever touch the same row.
 */
public final class OrdersTable {

    public static final String NAME = "bench_orders";
    static final long IDS_PER_THREAD = 100_000_000L;
    /** Column types in braces are filled in per database by {@link Schema#createTable}. */
    private static final String COLUMNS = "id BIGINT PRIMARY KEY, customer VARCHAR(40) NOT NULL,"
            + " amount NUMERIC(12,2) NOT NULL, status VARCHAR(16) NOT NULL, created {timestamp} NOT NULL,"
            + " note VARCHAR(200)";
    static final String INSERT =
            "INSERT INTO " + NAME + " (id, customer, amount, status, created, note) VALUES (?, ?, ?, ?, ?, ?)";
    static final String UPDATE = "UPDATE " + NAME + " SET amount = ?, status = ?, note = ? WHERE id = ?";
    static final String DELETE = "DELETE FROM " + NAME + " WHERE id = ?";
    static final String SELECT = "SELECT id, customer, amount, status, created, note FROM " + NAME + " WHERE id = ?";
    private static final int FILL_BATCH = 500;

    private OrdersTable() {
    }

    /** Creates the table unless it exists, with column types suited to the connected database. */
    public static void createIfMissing(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(Schema.createTable(Dialect.of(connection), NAME, COLUMNS, true));
        }
    }

    /**
     * Empties the table and fills it with the initial rows of every thread, so that each run starts from the same
     * state. Emptied with {@code DELETE}, not {@code DROP} or {@code TRUNCATE}: under the agent a {@code DELETE}
     * is mirrored like any write, whereas DDL is only mirrored when {@code writes.ddl} is on.
     */
    static void refill(Connection connection, InitialRows initialRows) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + NAME);
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int pending = 0;
            for (int thread = 0; thread < initialRows.threads(); thread++) {
                for (long id : initialRows.idsOf(thread)) {
                    OrderValues.initial(id).bindInsert(insert);
                    insert.addBatch();
                    if (++pending == FILL_BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    static long firstId(int thread) {
        return thread * IDS_PER_THREAD + 1;
    }
}
