package io.dualwrite.sample.scenario;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * Batches into {@code batch_rows}. End state: ids 1-2 (id 1 with n = 11) and 4-6 from Statement batches;
 * ids 1001 to 1000 + rows from the prepared batch, every 2nd of them (even offset) updated to n = offset * 10
 * and label "batch-updated-offset"; id 900001 from the statement executed after a clearBatch(). Ids 800001-800002
 * and 900002-900006 were only ever added to batches that were cleared, and must exist nowhere.
 */
final class BatchScenario implements Scenario {

    private static final long PREPARED_BASE = 1000;
    private static final long CLEARED_BASE = 900_000;

    @Override
    public void run(ScenarioContext context) throws SQLException {
        try (Connection connection = context.connect()) {
            statementBatch(connection);
            statementLargeBatch(connection);
            clearedStatementBatch(connection);
            preparedBatch(connection, context.rows());
            clearedPreparedBatchThenOneRow(connection);
            updateBatch(connection, context.rows());
        }
    }

    private static void statementBatch(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.addBatch("INSERT INTO batch_rows (id, label, n) VALUES (1, 'statement batch', 1)");
            statement.addBatch("INSERT INTO batch_rows (id, label, n) VALUES (2, 'statement batch', 2)");
            statement.addBatch("INSERT INTO batch_rows (id, label, n) VALUES (3, 'statement batch', 3)");
            statement.addBatch("UPDATE batch_rows SET n = n + 10 WHERE id = 1");
            statement.addBatch("DELETE FROM batch_rows WHERE id = 3");
            System.out.println("batch: Statement.executeBatch counts " + Arrays.toString(statement.executeBatch()));
        }
    }

    private static void statementLargeBatch(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (int id = 4; id <= 6; id++) {
                statement.addBatch(
                        "INSERT INTO batch_rows (id, label, n) VALUES (" + id + ", 'large batch', " + id + ")");
            }
            long[] counts = Fallback.call("executeLargeBatch()", statement::executeLargeBatch,
                    "executeBatch()", () -> Arrays.stream(statement.executeBatch()).asLongStream().toArray());
            System.out.println("batch: Statement.executeLargeBatch counts " + Arrays.toString(counts));
        }
    }

    private static void clearedStatementBatch(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.addBatch("INSERT INTO batch_rows (id, label, n) VALUES (800001, 'cleared', 0)");
            statement.addBatch("INSERT INTO batch_rows (id, label, n) VALUES (800002, 'cleared', 0)");
            statement.clearBatch();
        }
    }

    private static void preparedBatch(Connection connection, int rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO batch_rows (id, label, n) VALUES (?, ?, ?)")) {
            for (int offset = 1; offset <= rows; offset++) {
                statement.setLong(1, PREPARED_BASE + offset);
                statement.setString(2, "batch-" + offset);
                statement.setInt(3, offset);
                statement.addBatch();
            }
            int[] counts = statement.executeBatch();
            System.out.println("batch: PreparedStatement.executeBatch of " + rows + " rows returned "
                    + counts.length + " counts");
        }
    }

    private static void clearedPreparedBatchThenOneRow(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO batch_rows (id, label, n) VALUES (?, ?, ?)")) {
            for (int offset = 2; offset <= 6; offset++) {
                statement.setLong(1, CLEARED_BASE + offset);
                statement.setString(2, "cleared");
                statement.setInt(3, 0);
                statement.addBatch();
            }
            statement.clearBatch();
            statement.setLong(1, CLEARED_BASE + 1);
            statement.setString(2, "added after clearBatch");
            statement.setInt(3, 1);
            statement.addBatch();
            System.out.println("batch: after clearBatch, executeBatch counts "
                    + Arrays.toString(statement.executeBatch()));
        }
    }

    private static void updateBatch(Connection connection, int rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE batch_rows SET n = ?, label = ? WHERE id = ?")) {
            for (int offset = 2; offset <= rows; offset += 2) {
                statement.setInt(1, offset * 10);
                statement.setString(2, "batch-updated-" + offset);
                statement.setLong(3, PREPARED_BASE + offset);
                statement.addBatch();
            }
            System.out.println("batch: update batch returned " + statement.executeBatch().length + " counts");
        }
    }
}
