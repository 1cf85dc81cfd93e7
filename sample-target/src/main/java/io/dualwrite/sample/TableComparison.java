package io.dualwrite.sample;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One table read from both databases, keyed by id, each row rendered as text in a form that does not
 * depend on the database (so that, say, a PostgreSQL primary and a MariaDB secondary compare equal).
 */
final class TableComparison {

    private static final int MAX_CELL_WIDTH = 70;
    private static final String MISSING = "(missing)";

    private final String table;
    private final String columns;
    private final Map<Long, String> primaryRows;
    private final Map<Long, String> secondaryRows;
    private final TreeSet<Long> ids = new TreeSet<>();

    private TableComparison(String table, String columns, Map<Long, String> primaryRows,
            Map<Long, String> secondaryRows) {
        this.table = table;
        this.columns = columns;
        this.primaryRows = primaryRows;
        this.secondaryRows = secondaryRows;
        ids.addAll(primaryRows.keySet());
        ids.addAll(secondaryRows.keySet());
    }

    static TableComparison of(String table, Connection primary, Connection secondary) throws SQLException {
        List<String> columnNames = new ArrayList<>();
        Map<Long, String> primaryRows = read(table, primary, columnNames);
        Map<Long, String> secondaryRows = read(table, secondary, new ArrayList<>());
        return new TableComparison(table, String.join(", ", columnNames), primaryRows, secondaryRows);
    }

    int rowsCompared() {
        return ids.size();
    }

    int rowsDiffering() {
        int differing = 0;
        for (Long id : ids) {
            if (differs(id)) {
                differing++;
            }
        }
        return differing;
    }

    void print(PrintStream out) {
        int idWidth = "id".length();
        int primaryWidth = "primary".length();
        int secondaryWidth = "secondary".length();
        for (Long id : ids) {
            idWidth = Math.max(idWidth, id.toString().length());
            primaryWidth = Math.max(primaryWidth, cell(primaryRows.get(id)).length());
            secondaryWidth = Math.max(secondaryWidth, cell(secondaryRows.get(id)).length());
        }
        String format = "%1s %" + idWidth + "s | %-" + primaryWidth + "s | %s%n";
        out.println(table + " (" + columns + "), * marks rows that differ");
        out.printf(format, "", "id", "primary", "secondary");
        out.println("-".repeat(2 + idWidth + 3 + primaryWidth + 3 + secondaryWidth));
        for (Long id : ids) {
            out.printf(format, differs(id) ? "*" : "", id, cell(primaryRows.get(id)), cell(secondaryRows.get(id)));
        }
    }

    private boolean differs(Long id) {
        return !Objects.equals(primaryRows.get(id), secondaryRows.get(id));
    }

    private static String cell(String row) {
        if (row == null) {
            return MISSING;
        }
        return row.length() <= MAX_CELL_WIDTH ? row : row.substring(0, MAX_CELL_WIDTH - 1) + "…";
    }

    /** Rows by id, the other columns joined; fills {@code columnNames} with those other columns' names. */
    private static Map<Long, String> read(String table, Connection connection, List<String> columnNames)
            throws SQLException {
        Map<Long, String> rows = new TreeMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
            ResultSetMetaData metaData = resultSet.getMetaData();
            int idColumn = resultSet.findColumn("id");
            for (int column = 1; column <= metaData.getColumnCount(); column++) {
                if (column != idColumn) {
                    columnNames.add(metaData.getColumnLabel(column).toLowerCase(Locale.ROOT));
                }
            }
            while (resultSet.next()) {
                List<String> values = new ArrayList<>();
                for (int column = 1; column <= metaData.getColumnCount(); column++) {
                    if (column != idColumn) {
                        values.add(text(resultSet.getObject(column)));
                    }
                }
                rows.put(resultSet.getLong(idColumn), String.join(", ", values));
            }
        }
        return rows;
    }

    private static String text(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number) {
            // 3.5 and 3.5000 (or a MariaDB FLOAT and a PostgreSQL REAL) are the same number
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Timestamp) {
            return ((Timestamp) value).toLocalDateTime().toString();
        }
        return value.toString();
    }
}
