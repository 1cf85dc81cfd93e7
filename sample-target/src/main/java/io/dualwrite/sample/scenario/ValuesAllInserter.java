package io.dualwrite.sample.scenario;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Inserts {@code values_all} rows that set just the id and one column, numbering ids from 1, with one
 * reused {@link PreparedStatement} per column.
 */
final class ValuesAllInserter implements AutoCloseable {

    interface Binder {
        void bind(PreparedStatement statement, int parameterIndex) throws SQLException;
    }

    private final Connection connection;
    private final Map<String, PreparedStatement> statementsByColumn = new LinkedHashMap<>();
    private long nextId = 1;

    ValuesAllInserter(Connection connection) {
        this.connection = connection;
    }

    /** Takes the next id for a row written by other means. */
    long nextId() {
        return nextId++;
    }

    long lastId() {
        return nextId - 1;
    }

    /** Returns the id of the row written. */
    long insert(String column, Binder binder) throws SQLException {
        PreparedStatement statement = statementsByColumn.get(column);
        if (statement == null) {
            statement = connection.prepareStatement("INSERT INTO values_all (id, " + column + ") VALUES (?, ?)");
            statementsByColumn.put(column, statement);
        }
        long id = nextId();
        statement.setLong(1, id);
        binder.bind(statement, 2);
        statement.executeUpdate();
        return id;
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : statementsByColumn.values()) {
            statement.close();
        }
    }
}
