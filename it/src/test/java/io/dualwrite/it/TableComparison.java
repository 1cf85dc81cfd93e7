package io.dualwrite.it;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compares tables of two databases row by row (ordered by {@code id}), across PostgreSQL, MariaDB and H2,
 * and fails with the table, id and column of the first difference and both row counts.
 */
public final class TableComparison {

    private TableComparison() {
    }

    /** Every table of the sample's schema, and the extra tables, hold the same rows on both sides. */
    public static void assertSameRows(TestDatabase primary, TestDatabase secondary, String... extraTables) {
        List<String> tables = SampleSchema.tables();
        tables.addAll(Arrays.asList(extraTables));
        assertSameRowsIn(primary, secondary, tables);
    }

    public static void assertSameRows(DatabasePair pair, String... extraTables) {
        assertSameRows(pair.primary(), pair.secondary(), extraTables);
    }

    /** Exactly these tables hold the same rows on both sides. */
    public static void assertSameRowsIn(TestDatabase primary, TestDatabase secondary, List<String> tables) {
        List<String> differences = new ArrayList<>();
        for (String table : tables) {
            String difference = firstDifference(read(primary, table), read(secondary, table), primary, secondary);
            if (difference != null) {
                differences.add(difference);
            }
        }
        if (!differences.isEmpty()) {
            throw new AssertionError("the secondary (" + secondary.describe() + ") does not equal the primary ("
                    + primary.describe() + "):\n  " + String.join("\n  ", differences));
        }
    }

    /** The first difference between two tables, described, or null when they are equal. */
    static String firstDifference(TableRows p, TableRows s, TestDatabase primary, TestDatabase secondary) {
        String counts = " (rows: primary " + p.size() + ", secondary " + s.size() + ")";
        Set<String> onlyPrimary = new LinkedHashSet<>(p.columns);
        onlyPrimary.removeAll(s.columns);
        Set<String> onlySecondary = new LinkedHashSet<>(s.columns);
        onlySecondary.removeAll(p.columns);
        if (!onlyPrimary.isEmpty() || !onlySecondary.isEmpty()) {
            return "table " + p.table + ": columns differ, only on the primary " + onlyPrimary
                    + ", only on the secondary " + onlySecondary + counts;
        }
        int i = 0;
        int j = 0;
        while (i < p.size() || j < s.size()) {
            Map<String, Object> pr = i < p.size() ? p.rows.get(i) : null;
            Map<String, Object> sr = j < s.size() ? s.rows.get(j) : null;
            int order = pr == null ? 1 : sr == null ? -1 : compareIds(pr.get("id"), sr.get("id"));
            if (order < 0) {
                return "table " + p.table + ", id " + show(pr.get("id")) + ": row only on the primary" + counts;
            }
            if (order > 0) {
                return "table " + p.table + ", id " + show(sr.get("id")) + ": row only on the secondary" + counts;
            }
            for (String column : p.columns) {
                Object a = pr.get(column);
                Object b = sr.get(column);
                if (!ComparableValues.same(a, b)) {
                    return "table " + p.table + ", id " + show(pr.get("id")) + ", column " + column + ": primary has "
                            + ComparableValues.show(a) + ", secondary has " + ComparableValues.show(b) + counts;
                }
            }
            i++;
            j++;
        }
        return null;
    }

    /** The id of a row read by {@link #read}. */
    static long idOf(Map<String, Object> row) {
        return ((BigDecimal) row.get("id")).longValueExact();
    }

    private static String show(Object id) {
        return id instanceof BigDecimal ? ((BigDecimal) id).toPlainString() : String.valueOf(id);
    }

    private static int compareIds(Object a, Object b) {
        if (a instanceof BigDecimal && b instanceof BigDecimal) {
            return ((BigDecimal) a).compareTo((BigDecimal) b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    /** All rows of the table, ordered by id, values normalised for comparison. */
    static TableRows read(TestDatabase db, String table) {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int col = 1; col <= md.getColumnCount(); col++) {
                columns.add(md.getColumnLabel(col).toLowerCase(Locale.ROOT));
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = TableRows.newRow();
                for (int col = 1; col <= columns.size(); col++) {
                    row.put(columns.get(col - 1), ComparableValues.read(rs, col, md.getColumnType(col)));
                }
                rows.add(row);
            }
            return new TableRows(table, columns, rows);
        } catch (SQLException e) {
            throw new AssertionError("could not read table " + table + " of " + db + ": " + e, e);
        }
    }

    /** The row of the table with this id, normalised, or null when there is none. */
    /** The table holds the same rows on both sides, apart from the rows with these ids ({@code why} they differ). */
    public static void assertSameRowsExcept(DatabasePair pair, String table, Set<Long> ids, String why) {
        TableRows primary = read(pair.primary(), table);
        TableRows secondary = read(pair.secondary(), table);
        primary.rows.removeIf(r -> ids.contains(idOf(r)));
        secondary.rows.removeIf(r -> ids.contains(idOf(r)));
        String difference = firstDifference(primary, secondary, pair.primary(), pair.secondary());
        if (difference != null) {
            throw new AssertionError(table + " apart from the rows " + ids + " (" + why + "): " + difference);
        }
    }

    public static Map<String, Object> row(TestDatabase db, String table, long id) {
        return read(db, table).byId(id);
    }

    public static long count(TestDatabase db, String table) {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError("could not count the rows of " + table + " in " + db + ": " + e, e);
        }
    }

    /** The number of rows in every table of the sample's schema, summed. */
    public static long countAll(TestDatabase db) {
        long total = 0;
        for (String table : SampleSchema.tables()) {
            total += count(db, table);
        }
        return total;
    }

    public static boolean tableExists(TestDatabase db, String table) {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
                return true;
            } catch (SQLException missing) {
                return false;
            }
        } catch (SQLException e) {
            throw new AssertionError("could not connect to " + db + ": " + e, e);
        }
    }

    /** Every table of the sample's schema is empty on this database. */
    public static void assertEmpty(TestDatabase db) {
        List<String> notEmpty = new ArrayList<>();
        for (String table : SampleSchema.tables()) {
            long n = count(db, table);
            if (n != 0) {
                notEmpty.add(table + " has " + n + " rows");
            }
        }
        if (!notEmpty.isEmpty()) {
            throw new AssertionError(db.describe() + " should have no rows, but " + String.join(", ", notEmpty));
        }
    }
}
