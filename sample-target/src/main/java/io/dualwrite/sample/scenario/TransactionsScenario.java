package io.dualwrite.sample.scenario;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * Transactions on {@code tx_rows}. Rows that stand at the end: 1, 2 (committed), 5, 7 (savepoint: 6 rolled
 * back to the savepoint), 8, 9 (released savepoint), 10 (committed by setAutoCommit(true)). Rows 3, 4
 * (rolled back) and 11 (connection closed before commit) must exist nowhere.
 */
final class TransactionsScenario implements Scenario {

    @Override
    public void run(ScenarioContext context) throws SQLException {
        try (Connection connection = context.connect()) {
            connection.setAutoCommit(false);
            committed(connection);
            rolledBack(connection);
            rolledBackToSavepoint(connection);
            releasedSavepoint(connection);
            committedBySwitchingAutoCommitOn(connection);
        }
        closedWithPendingWork(context);
    }

    private static void committed(Connection connection) throws SQLException {
        insert(connection, 1, "committed");
        insert(connection, 2, "committed");
        connection.commit();
        System.out.println("transactions: committed 1, 2");
    }

    private static void rolledBack(Connection connection) throws SQLException {
        insert(connection, 3, "rolled back");
        insert(connection, 4, "rolled back");
        connection.rollback();
        System.out.println("transactions: rolled back 3, 4");
    }

    private static void rolledBackToSavepoint(Connection connection) throws SQLException {
        insert(connection, 5, "before savepoint");
        Savepoint savepoint = connection.setSavepoint("before_b");
        insert(connection, 6, "rolled back to savepoint");
        connection.rollback(savepoint);
        insert(connection, 7, "after rollback to savepoint");
        connection.commit();
        System.out.println("transactions: 5 and 7 committed, 6 rolled back to a savepoint");
    }

    private static void releasedSavepoint(Connection connection) throws SQLException {
        insert(connection, 8, "before released savepoint");
        Savepoint savepoint = connection.setSavepoint();
        insert(connection, 9, "after released savepoint");
        connection.releaseSavepoint(savepoint);
        connection.commit();
        System.out.println("transactions: 8, 9 committed after releaseSavepoint");
    }

    private static void committedBySwitchingAutoCommitOn(Connection connection) throws SQLException {
        insert(connection, 10, "committed by setAutoCommit(true)");
        connection.setAutoCommit(true);
        System.out.println("transactions: 10 committed by setAutoCommit(true)");
    }

    private static void closedWithPendingWork(ScenarioContext context) throws SQLException {
        try (Connection connection = context.connect()) {
            connection.setAutoCommit(false);
            insert(connection, 11, "never committed");
        }
        System.out.println("transactions: 11 left uncommitted when its connection closed");
    }

    private static void insert(Connection connection, long id, String label) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO tx_rows (id, label) VALUES (?, ?)")) {
            statement.setLong(1, id);
            statement.setString(2, label);
            statement.executeUpdate();
        }
    }
}
