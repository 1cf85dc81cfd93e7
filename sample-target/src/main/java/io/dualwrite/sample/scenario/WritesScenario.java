package io.dualwrite.sample.scenario;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A plain mixed workload on {@code items}, all in autocommit: for n = 1..rows insert id 1,000,000 + n (name
 * "write-n", qty n), then set qty = n * 2 on every 2nd and delete every 5th.
 */
final class WritesScenario implements Scenario {

    private static final long ID_BASE = 1_000_000L;

    @Override
    public void run(ScenarioContext context) throws SQLException {
        int rows = context.rows();
        try (Connection connection = context.connect()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO items (id, name, qty) VALUES (?, ?, ?)")) {
                for (int n = 1; n <= rows; n++) {
                    insert.setLong(1, ID_BASE + n);
                    insert.setString(2, "write-" + n);
                    insert.setInt(3, n);
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE items SET qty = ? WHERE id = ?")) {
                for (int n = 2; n <= rows; n += 2) {
                    update.setInt(1, n * 2);
                    update.setLong(2, ID_BASE + n);
                    update.executeUpdate();
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM items WHERE id = ?")) {
                for (int n = 5; n <= rows; n += 5) {
                    delete.setLong(1, ID_BASE + n);
                    delete.executeUpdate();
                }
            }
        }
        System.out.println("writes: " + rows + " inserted, every 2nd updated, every 5th deleted");
    }
}
