package io.dualwrite.agent.reconcile;

import io.dualwrite.agent.shadow.RowsCopy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tables of the schema a connection opens in (PostgreSQL's current schema, MariaDB's database), read from
 * the driver's metadata; a table's columns are read from an empty query so that their types and precisions
 * are the ones its rows will be read with.
 */
final class Catalog {

    private final Connection connection;
    private final SqlNames names;

    Catalog(Connection connection, SqlNames names) {
        this.connection = connection;
        this.names = names;
    }

    /** The base tables, by lower-case name, each with its name as stored. */
    Map<String, String> tables() throws SQLException {
        Map<String, String> tables = new TreeMap<>();
        DatabaseMetaData md = connection.getMetaData();
        try (ResultSet rs = md.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                tables.put(name.toLowerCase(Locale.ROOT), name);
            }
        }
        return tables;
    }

    TableShape shape(String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT * FROM " + names.quote(table) + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                int type = md.getColumnType(i);
                columns.add(new Column(md.getColumnName(i), type, md.getColumnTypeName(i),
                        RowsCopy.precision(md, i, type), md.isNullable(i) != ResultSetMetaData.columnNoNulls));
            }
        }
        return new TableShape(table, columns, primaryKey(table), uniqueKeys(table, columns));
    }

    private List<String> primaryKey(String table) throws SQLException {
        Map<Short, String> byPosition = new TreeMap<>();
        try (ResultSet rs = connection.getMetaData().getPrimaryKeys(connection.getCatalog(), connection.getSchema(),
                table)) {
            while (rs.next()) {
                byPosition.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return new ArrayList<>(byPosition.values());
    }

    private List<List<String>> uniqueKeys(String table, List<Column> columns) throws SQLException {
        Map<String, Map<Short, String>> indexes = new LinkedHashMap<>();
        try (ResultSet rs = connection.getMetaData().getIndexInfo(connection.getCatalog(), connection.getSchema(),
                table, true, true)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (index != null && column != null && !rs.getBoolean("NON_UNIQUE")) {
                    indexes.computeIfAbsent(index, i -> new TreeMap<>()).put(rs.getShort("ORDINAL_POSITION"), column);
                }
            }
        }
        List<List<String>> keys = new ArrayList<>();
        for (Map<Short, String> index : indexes.values()) {
            if (allNotNull(index.values(), columns)) {
                keys.add(new ArrayList<>(index.values()));
            }
        }
        return keys;
    }

    private static boolean allNotNull(Iterable<String> names, List<Column> columns) {
        for (String name : names) {
            boolean notNull = false;
            for (Column column : columns) {
                if (column.name.equalsIgnoreCase(name)) {
                    notNull = !column.nullable;
                }
            }
            if (!notNull) {
                return false;
            }
        }
        return true;
    }
}
