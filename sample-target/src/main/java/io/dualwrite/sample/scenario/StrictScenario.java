package io.dualwrite.sample.scenario;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * What an application sees when the secondary refuses a write (the test puts rows 300002 and 300006 on the
 * secondary only, so inserting them there fails). Under {@code writes.on-failure: fail}: a transaction
 * inserting 300001 and 300002 is rolled back on the exception, a transaction inserting 300003 and 300004
 * commits, an auto-commit insert of 300006 raises after the primary took it, and an auto-commit insert of
 * 300005 goes through. Under the other policies nothing raises.
 */
final class StrictScenario implements Scenario {

    private static final String INSERT = "INSERT INTO items (id, name, qty) VALUES (?, ?, ?)";

    @Override
    public void run(ScenarioContext context) throws SQLException {
        try (Connection connection = context.connect(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            connection.setAutoCommit(false);
            try {
                insertRow(insert, 300_001, "tx a");
                insertRow(insert, 300_002, "tx b");
                connection.commit();
                System.out.println("strict: the transaction with 300002 committed");
            } catch (SQLException e) {
                connection.rollback();
                System.out.println("strict: transaction rolled back after: " + e.getMessage());
            }
            insertRow(insert, 300_003, "tx c");
            insertRow(insert, 300_004, "tx d");
            connection.commit();
            connection.setAutoCommit(true);
            try {
                insertRow(insert, 300_006, "auto");
                System.out.println("strict: the auto-commit insert of 300006 raised nothing");
            } catch (SQLException e) {
                System.out.println("strict: auto-commit insert raised: " + e.getMessage());
            }
            insertRow(insert, 300_005, "auto ok");
        }
    }

    private static void insertRow(PreparedStatement insert, long id, String name) throws SQLException {
        insert.setLong(1, id);
        insert.setString(2, name);
        insert.setInt(3, 1);
        insert.executeUpdate();
    }
}
