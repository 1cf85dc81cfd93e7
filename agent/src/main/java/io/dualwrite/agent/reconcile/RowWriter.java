package io.dualwrite.agent.reconcile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes primary rows into the secondary's table: inserts that leave a row whose key is there already as it is
 * (so a row the dual writes put there is never overwritten), updates and deletes by key. Several rows go in one
 * multi-row INSERT, within the parameter limit every driver here accepts.
 */
final class RowWriter {

    private static final int MAX_PARAMETERS = 30_000;

    private final TablePair table;
    private final TableReader secondary;
    private final SqlNames names;
    private final String insertHead;
    private final String rowPlaceholders;
    private final String skipExisting;
    private final int rowsPerInsert;

    RowWriter(TablePair table, TableReader secondary, SqlNames names, Dialect dialect) {
        this.table = table;
        this.secondary = secondary;
        this.names = names;
        List<String> columns = table.columnNames(Side.SECONDARY, false);
        this.insertHead = "INSERT INTO " + names.quote(table.secondary.name) + " (" + names.list(columns)
                + ") VALUES ";
        StringBuilder row = new StringBuilder("(");
        for (int i = 0; i < columns.size(); i++) {
            row.append(i == 0 ? "?" : ", ?");
        }
        this.rowPlaceholders = row.append(')').toString();
        this.skipExisting = dialect.skipExisting(names.quote(table.columns.get(0).secondary.name));
        this.rowsPerInsert = Math.max(1, MAX_PARAMETERS / columns.size());
    }

    /** Inserts the primary's rows the secondary does not have; the number inserted. */
    long insertMissing(Connection connection, List<Row> rows) throws SQLException {
        long inserted = 0;
        for (int from = 0; from < rows.size(); from += rowsPerInsert) {
            List<Row> part = rows.subList(from, Math.min(rows.size(), from + rowsPerInsert));
            StringBuilder sql = new StringBuilder(insertHead.length() + part.size() * (rowPlaceholders.length() + 2)
                    + skipExisting.length()).append(insertHead);
            for (int i = 0; i < part.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(rowPlaceholders);
            }
            sql.append(skipExisting);
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                int index = 1;
                for (Row row : part) {
                    for (int column = 0; column < row.values.length; column++) {
                        secondary.bind(statement, index++, row.values[column], column);
                    }
                }
                inserted += statement.executeUpdate();
            }
        }
        return inserted;
    }

    /** Sets the compared columns of these rows' keys to the primary's values. */
    void update(Connection connection, List<Row> primaryRows) throws SQLException {
        if (primaryRows.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("UPDATE ").append(names.quote(table.secondary.name)).append(" SET ");
        boolean first = true;
        for (int i = table.keySize; i < table.columns.size(); i++) {
            if (table.columns.get(i).compared) {
                sql.append(first ? "" : ", ").append(names.quote(table.columns.get(i).secondary.name)).append(" = ?");
                first = false;
            }
        }
        sql.append(whereKey());
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (Row row : primaryRows) {
                int index = 1;
                for (int i = table.keySize; i < table.columns.size(); i++) {
                    if (table.columns.get(i).compared) {
                        secondary.bind(statement, index++, row.values[i], i);
                    }
                }
                bindKey(statement, index, row);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    void delete(Connection connection, List<Row> secondaryRows) throws SQLException {
        if (secondaryRows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM " + names.quote(table.secondary.name) + whereKey())) {
            for (Row row : secondaryRows) {
                bindKey(statement, 1, row);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private String whereKey() {
        StringBuilder sql = new StringBuilder(" WHERE ");
        for (int i = 0; i < table.keySize; i++) {
            sql.append(i == 0 ? "" : " AND ").append(names.quote(table.columns.get(i).secondary.name)).append(" = ?");
        }
        return sql.toString();
    }

    private void bindKey(PreparedStatement statement, int from, Row row) throws SQLException {
        for (int i = 0; i < table.keySize; i++) {
            secondary.bind(statement, from + i, row.values[i], i);
        }
    }
}
