package io.dualwrite.sample.scenario;

import io.dualwrite.sample.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Inserts into {@code keyed_rows}, whose {@code id} the database generates (the caller creates it: serial or
 * identity on PostgreSQL, AUTO_INCREMENT on MariaDB), through every way JDBC offers: plain and prepared
 * statements, single and multi-row VALUES, batches, with and without asking for the generated keys. After each
 * insert it prints what {@code getGeneratedKeys()} gave ({@code keys: ...} lines, which a run without the agent
 * prints alike) and checks that the keys it got are the ids the rows have. Then it updates and deletes rows by
 * those ids, and ends with an INSERT ... SELECT and a batch of SQL texts, whose keys cannot be carried.
 */
final class GeneratedKeysScenario implements Scenario {

    private static final String INSERT = "INSERT INTO keyed_rows (label, amount) VALUES (?, ?)";

    private final List<Long> ids = new ArrayList<>();

    @Override
    public void run(ScenarioContext context) throws SQLException {
        try (Connection connection = context.connect()) {
            isolationSetAfterPreparing(connection);
            plainStatements(connection);
            preparedStatements(connection);
            batches(connection);
            if (Dialect.of(connection) == Dialect.POSTGRESQL) {
                upsert(connection);
            }
            inTransaction(connection);
            updateAndDeleteById(connection);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO keyed_rows (label, amount) SELECT 'copied', amount FROM keyed_rows "
                        + "WHERE id = " + ids.get(0));
                statement.addBatch("INSERT INTO keyed_rows (label, amount) VALUES ('text-batch-1', 1)");
                statement.addBatch("INSERT INTO keyed_rows (label, amount) VALUES ('text-batch-2', 2)");
                statement.executeBatch();
            }
            System.out.println("keys: inserted " + ids.size() + " rows whose keys were checked");
        }
    }

    /**
     * The first INSERT into the table, prepared before the transaction's isolation is set: nothing may have begun
     * the transaction meanwhile (PostgreSQL refuses to change the isolation of one under way).
     */
    private void isolationSetAfterPreparing(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            insert.setString(1, "serializable");
            insert.setInt(2, 0);
            insert.executeUpdate();
        }
        connection.commit();
        connection.setAutoCommit(true);
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        recordByLabel(connection, "serializable");
    }

    private void plainStatements(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO keyed_rows (label, amount) VALUES ('plain-1', 1)");
            print("plain executeUpdate, keys not asked for", statement);
            recordByLabel(connection, "plain-1");

            statement.executeUpdate("INSERT INTO keyed_rows (label, amount) VALUES ('plain-2', 2)",
                    Statement.RETURN_GENERATED_KEYS);
            check(connection, print("plain executeUpdate, RETURN_GENERATED_KEYS", statement), "plain-2");

            statement.executeUpdate("INSERT INTO keyed_rows (label, amount) VALUES ('plain-3', 3), ('plain-4', 4), "
                    + "('plain-5', 5)", new String[] {"id"});
            check(connection, print("plain multi-row executeUpdate, column names", statement),
                    "plain-3", "plain-4", "plain-5");

            statement.execute("INSERT INTO keyed_rows (label, amount) VALUES ('plain-6', 6), ('plain-7', 7)");
            print("plain multi-row execute, keys not asked for", statement);
            recordByLabel(connection, "plain-6", "plain-7");

            statement.executeLargeUpdate("INSERT INTO keyed_rows (label, amount) VALUES ('plain-8', 8)");
            print("plain executeLargeUpdate, keys not asked for", statement);
            recordByLabel(connection, "plain-8");

            statement.executeUpdate("UPDATE keyed_rows SET amount = amount WHERE label = 'plain-8'");
            print("plain UPDATE after an insert", statement);
        }
    }

    private void preparedStatements(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int i = 1; i <= 2; i++) {
                insert.setString(1, "prepared-" + i);
                insert.setInt(2, i);
                insert.executeUpdate();
                print("prepared executeUpdate, keys not asked for", insert);
                recordByLabel(connection, "prepared-" + i);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, "prepared-3");
            insert.setInt(2, 3);
            insert.executeUpdate();
            check(connection, print("prepared executeUpdate, RETURN_GENERATED_KEYS", insert), "prepared-3");
            print("prepared getGeneratedKeys called again", insert);
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO keyed_rows (label, amount) VALUES (?, ?), (?, ?)", new String[] {"id"})) {
            insert.setString(1, "prepared-4");
            insert.setInt(2, 4);
            insert.setString(3, "prepared-5");
            insert.setInt(4, 5);
            insert.execute();
            check(connection, print("prepared multi-row execute, column names", insert), "prepared-4", "prepared-5");
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO keyed_rows (label, amount) VALUES (?, ?), (?, ?)")) {
            insert.setString(1, "prepared-6");
            insert.setInt(2, 6);
            insert.setString(3, "prepared-7");
            insert.setInt(4, 7);
            insert.executeUpdate();
            print("prepared multi-row executeUpdate, keys not asked for", insert);
            recordByLabel(connection, "prepared-6", "prepared-7");
        }
    }

    private void batches(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            addBatch(insert, "batch-1", "batch-2", "batch-3");
            insert.executeBatch();
            check(connection, print("prepared batch, RETURN_GENERATED_KEYS", insert), "batch-1", "batch-2", "batch-3");
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            addBatch(insert, "batch-4", "batch-5", "batch-6", "batch-7");
            insert.executeBatch();
            print("prepared batch, keys not asked for", insert);
            recordByLabel(connection, "batch-4", "batch-5", "batch-6", "batch-7");
        }
    }

    /** PostgreSQL returns the key of every row of an upsert: the one it inserted, and the one it updated. */
    private void upsert(Connection connection) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO keyed_rows (label, amount) "
                + "VALUES (?, ?), (?, ?) ON CONFLICT (label) DO UPDATE SET amount = EXCLUDED.amount",
                Statement.RETURN_GENERATED_KEYS)) {
            upsert.setString(1, "upserted");
            upsert.setInt(2, 1);
            upsert.setString(3, "prepared-1");
            upsert.setInt(4, 100);
            upsert.executeUpdate();
            List<Long> keys = print("prepared upsert, RETURN_GENERATED_KEYS", upsert);
            List<Long> read = idsOf(connection, "upserted", "prepared-1");
            if (!read.equals(keys)) {
                throw new IllegalStateException("the upsert gave keys " + keys + " for rows " + read);
            }
            ids.add(read.get(0));
        }
    }

    private void inTransaction(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            addBatch(insert, "tx-1", "tx-2");
            insert.executeBatch();
            insert.setString(1, "tx-3");
            insert.setInt(2, 3);
            insert.executeUpdate();
        }
        connection.commit();
        connection.setAutoCommit(true);
        recordByLabel(connection, "tx-1", "tx-2", "tx-3");
    }

    private void updateAndDeleteById(Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE keyed_rows SET amount = amount * 10 + 1 WHERE id = ?")) {
            for (long id : ids) {
                update.setLong(1, id);
                update.executeUpdate();
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM keyed_rows WHERE id = ?")) {
            delete.setLong(1, ids.get(1));
            delete.executeUpdate();
            delete.setLong(1, ids.get(ids.size() - 1));
            delete.executeUpdate();
        }
    }

    private static void addBatch(PreparedStatement insert, String... labels) throws SQLException {
        for (int i = 0; i < labels.length; i++) {
            insert.setString(1, labels[i]);
            insert.setInt(2, i);
            insert.addBatch();
        }
    }

    /**
     * Prints what {@code getGeneratedKeys()} gives now: its columns, and each row's values with their Java
     * types, or the exception it throws; returns the first column's values.
     */
    private static List<Long> print(String what, Statement statement) {
        List<Long> keys = new ArrayList<>();
        StringBuilder line = new StringBuilder("keys: ").append(what).append(": ");
        try {
            ResultSet rs = statement.getGeneratedKeys();
            ResultSetMetaData md = rs.getMetaData();
            line.append("columns [");
            for (int i = 1; i <= md.getColumnCount(); i++) {
                line.append(i > 1 ? ", " : "").append(md.getColumnLabel(i));
            }
            line.append("] rows");
            while (rs.next()) {
                line.append(" (");
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    line.append(i > 1 ? ", " : "").append(value)
                            .append(value == null ? "" : ":" + value.getClass().getSimpleName());
                }
                line.append(')');
                keys.add(rs.getLong(1));
            }
            rs.close();
        } catch (SQLException e) {
            line.append("throws (SQL state ").append(e.getSQLState()).append(") ").append(e.getMessage());
        }
        System.out.println(line);
        return keys;
    }

    /**
     * Checks that the keys the driver gave are the ids of the rows with these labels, in order: all of them, or
     * the first only for a multi-row INSERT on MariaDB, whose driver returns no more.
     */
    private void check(Connection connection, List<Long> keys, String... labels) throws SQLException {
        List<Long> read = idsOf(connection, labels);
        if (keys.isEmpty() || !read.subList(0, Math.min(keys.size(), read.size())).equals(keys)) {
            throw new IllegalStateException("getGeneratedKeys gave " + keys + " for " + String.join(", ", labels)
                    + ", whose ids are " + read);
        }
        ids.addAll(read);
    }

    private void recordByLabel(Connection connection, String... labels) throws SQLException {
        ids.addAll(idsOf(connection, labels));
    }

    private static List<Long> idsOf(Connection connection, String... labels) throws SQLException {
        List<Long> read = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM keyed_rows WHERE label = ?")) {
            for (String label : labels) {
                select.setString(1, label);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no row labelled " + label);
                    }
                    read.add(rs.getLong(1));
                }
            }
        }
        return read;
    }
}
