package io.dualwrite.agent.reconcile;

import io.dualwrite.agent.shadow.RowsCopy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one side's rows of a table pair: a chunk in key order after a given key (keyset pagination, which finds
 * its place through the key's index however far into the table it is), or the rows of given keys. Every value
 * is a bound parameter; keys read from the other side are converted to this side's column types.
 */
final class TableReader {

    private final TablePair table;
    private final Side side;
    private final SqlNames names;
    private final Dialect dialect;
    private final String quotedTable;
    private final List<String> keyColumns;

    TableReader(TablePair table, Side side, SqlNames names, Dialect dialect) {
        this.table = table;
        this.side = side;
        this.names = names;
        this.dialect = dialect;
        this.quotedTable = names.quote(table.on(side).name);
        this.keyColumns = table.columnNames(side, true);
    }

    /** Up to {@code limit} rows in key order after the key {@code after} (from this side), or from the start. */
    List<Row> chunkAfter(Connection connection, Object[] after, int limit, boolean keyOnly) throws SQLException {
        StringBuilder sql = select(keyOnly);
        if (after != null) {
            sql.append(" WHERE ").append(afterCondition());
        }
        sql.append(" ORDER BY ").append(names.list(keyColumns)).append(" LIMIT ").append(limit);
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            if (after != null) {
                bindAfter(statement, after);
            }
            List<Row> rows = new ArrayList<>(limit);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs, keyOnly));
                }
            }
            return rows;
        }
    }

    /** The rows of these keys (from either side), by key text; a key this side lacks has no entry. */
    Map<String, Row> lookup(Connection connection, List<Object[]> keys, boolean keyOnly, boolean forUpdate)
            throws SQLException {
        Map<String, Row> rows = new HashMap<>(keys.size() * 2);
        if (keys.isEmpty()) {
            return rows;
        }
        StringBuilder sql = select(keyOnly).append(" WHERE ");
        appendKeyIn(sql, keys.size());
        if (forUpdate) {
            sql.append(" FOR UPDATE");
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int index = 1;
            for (Object[] key : keys) {
                for (int i = 0; i < table.keySize; i++) {
                    bind(statement, index++, key[i], i);
                }
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Row row = row(rs, keyOnly);
                    rows.put(row.key, row);
                }
            }
        }
        return rows;
    }

    long count(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM " + quotedTable);
                ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    void bind(PreparedStatement statement, int index, Object value, int column) throws SQLException {
        ValueBinder.bind(statement, index, value, table.columns.get(column).on(side), dialect);
    }

    private StringBuilder select(boolean keyOnly) {
        return new StringBuilder("SELECT ").append(names.list(table.columnNames(side, keyOnly))).append(" FROM ")
                .append(quotedTable);
    }

    /**
     * {@code k1 >= ? AND (k1 > ? OR k1 = ? AND k2 > ?)}: the leading bound lets both PostgreSQL and MariaDB start
     * the index scan at the right place, which neither does for every form of a row comparison.
     */
    private String afterCondition() {
        StringBuilder sql = new StringBuilder(names.quote(keyColumns.get(0))).append(" >= ?");
        if (keyColumns.size() == 1) {
            return sql.append(" AND ").append(names.quote(keyColumns.get(0))).append(" > ?").toString();
        }
        sql.append(" AND (");
        for (int i = 0; i < keyColumns.size(); i++) {
            sql.append(i == 0 ? "" : " OR ");
            for (int j = 0; j < i; j++) {
                sql.append(names.quote(keyColumns.get(j))).append(" = ? AND ");
            }
            sql.append(names.quote(keyColumns.get(i))).append(" > ?");
        }
        return sql.append(')').toString();
    }

    private void bindAfter(PreparedStatement statement, Object[] after) throws SQLException {
        int index = 1;
        bind(statement, index++, after[0], 0);
        if (keyColumns.size() == 1) {
            bind(statement, index, after[0], 0);
            return;
        }
        for (int i = 0; i < keyColumns.size(); i++) {
            for (int j = 0; j <= i; j++) {
                bind(statement, index++, after[j], j);
            }
        }
    }

    /** {@code k IN (?, ?)} for one key column, {@code (k1, k2) IN ((?, ?), (?, ?))} for several. */
    private void appendKeyIn(StringBuilder sql, int count) {
        boolean composite = keyColumns.size() > 1;
        sql.append(composite ? "(" + names.list(keyColumns) + ")" : names.quote(keyColumns.get(0))).append(" IN (");
        StringBuilder one = new StringBuilder(composite ? "(" : "");
        for (int i = 0; i < keyColumns.size(); i++) {
            one.append(i == 0 ? "?" : ", ?");
        }
        one.append(composite ? ")" : "");
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "" : ", ").append(one);
        }
        sql.append(')');
    }

    private Row row(ResultSet rs, boolean keyOnly) throws SQLException {
        int count = keyOnly ? table.keySize : table.columns.size();
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
            values[i] = value(rs, i + 1, table.columns.get(i).on(side).sqlType);
        }
        return new Row(values, table.keyText(values, side));
    }

    /**
     * A column's value, through the getter of its type where one gives the same value as {@code getObject}
     * more cheaply (the drivers' generic decoding is a good part of a verification's time).
     */
    private static Object value(ResultSet rs, int column, int sqlType) throws SQLException {
        switch (sqlType) {
            case Types.VARCHAR:
            case Types.CHAR:
            case Types.NVARCHAR:
            case Types.NCHAR:
                return rs.getString(column);
            case Types.TIMESTAMP:
                // a wall-clock time: read as one, it skips java.sql.Timestamp's calendar arithmetic, and no
                // wall-clock time is shifted by the JVM's time zone rules
                return rs.getObject(column, LocalDateTime.class);
            default:
                return RowsCopy.materialize(rs.getObject(column));
        }
    }
}
