package io.dualwrite.sample.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * {@link Orders} on one connection in auto-commit, with each statement prepared once and reused, as an application
 * with a statement cache does. Updates and deletes that change no row fail: a worker only names rows it owns.
 */
final class OrderStatements implements Orders {

    private static final int VALID_CHECK_SECONDS = 2;

    private final Connection connection;
    private final PreparedStatement insert;
    private final PreparedStatement update;
    private final PreparedStatement delete;
    private final PreparedStatement select;

    private OrderStatements(Connection connection) throws SQLException {
        this.connection = connection;
        this.insert = connection.prepareStatement(OrdersTable.INSERT);
        this.update = connection.prepareStatement(OrdersTable.UPDATE);
        this.delete = connection.prepareStatement(OrdersTable.DELETE);
        this.select = connection.prepareStatement(OrdersTable.SELECT);
    }

    static OrderStatements open(ConnectionSettings settings) throws SQLException {
        Connection connection = settings.connect();
        try {
            connection.setAutoCommit(true);
            return new OrderStatements(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public void insert(List<OrderValues> rows) throws SQLException {
        if (rows.size() == 1) {
            rows.get(0).bindInsert(insert);
            insert.executeUpdate();
            return;
        }
        for (OrderValues row : rows) {
            row.bindInsert(insert);
            insert.addBatch();
        }
        insert.executeBatch();
    }

    @Override
    public void update(OrderChange change) throws SQLException {
        change.bindUpdate(update);
        expectOneRow(update.executeUpdate(), "update", change.id());
    }

    @Override
    public void delete(long id) throws SQLException {
        delete.setLong(1, id);
        expectOneRow(delete.executeUpdate(), "delete", id);
    }

    @Override
    public void select(long id) throws SQLException {
        select.setLong(1, id);
        try (ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("select: no row with id " + id);
            }
            // Every column read, as an application reading an order would.
            row.getLong(1);
            row.getString(2);
            row.getBigDecimal(3);
            row.getString(4);
            row.getTimestamp(5);
            row.getString(6);
        }
    }

    private static void expectOneRow(int count, String what, long id) throws SQLException {
        if (count != 1) {
            throw new SQLException(what + " of id " + id + " changed " + count + " rows, expected 1");
        }
    }

    @Override
    public boolean usable() {
        try {
            return connection.isValid(VALID_CHECK_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // it is being given up; closing the connection closes its statements
        }
    }
}
