package io.dualwrite.sample.scenario;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * Writes that fail on the primary, then one that succeeds. {@code items}: 200001 ("first"), then a failed
 * duplicate of it, then 200002 ("after failures"). {@code batch_rows}: 500003 inserted alone first, then a
 * batch 500001-500005 whose 3rd row duplicates it; which of the other four stand depends on the driver
 * (printed update counts) and must be the same on both sides.
 */
final class FailuresScenario implements Scenario {

    @Override
    public void run(ScenarioContext context) throws SQLException {
        try (Connection connection = context.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO items (id, name, qty) VALUES (200001, 'first', 1)");
            try {
                statement.executeUpdate("INSERT INTO items (id, name, qty) VALUES (200001, 'duplicate', 2)");
                throw new IllegalStateException("the duplicate insert into items succeeded");
            } catch (SQLException expected) {
                System.out.println("failures: duplicate insert failed as expected, SQL state "
                        + expected.getSQLState());
            }
            statement.executeUpdate("INSERT INTO batch_rows (id, label, n) VALUES (500003, 'existing', 0)");
            batchWithDuplicateThirdRow(connection);
            statement.executeUpdate("INSERT INTO items (id, name, qty) VALUES (200002, 'after failures', 3)");
        }
    }

    private static void batchWithDuplicateThirdRow(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO batch_rows (id, label, n) VALUES (?, ?, ?)")) {
            for (int offset = 1; offset <= 5; offset++) {
                statement.setLong(1, 500_000 + offset);
                statement.setString(2, "failing batch");
                statement.setInt(3, offset);
                statement.addBatch();
            }
            statement.executeBatch();
            throw new IllegalStateException("the batch with a duplicate key succeeded");
        } catch (BatchUpdateException expected) {
            System.out.println("failures: batch failed as expected, update counts "
                    + Arrays.toString(expected.getUpdateCounts()));
        }
    }
}
