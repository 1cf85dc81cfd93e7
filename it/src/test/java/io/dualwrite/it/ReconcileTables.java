package io.dualwrite.it;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The tables of the {@code verify}, {@code repair} and {@code backfill} tests, created in each dialect and seeded
 * over JDBC in this JVM (the agent sees none of it), and the differences seeded on a secondary, with the keys a
 * test expects the commands to find.
 * <ul>
 * <li>{@code rc_items}: {@code id bigint} key, {@value #ITEM_ROWS} rows (ids 1..{@value #ITEM_ROWS}) of a label,
 * an exact amount, a flag ({@code boolean} / {@code tinyint(1)}), a timestamp with microseconds ({@code
 * timestamp(6)} / {@code datetime(6)}) and a nullable note;</li>
 * <li>{@code rc_composite}: the key {@code (tenant int, code varchar(40))}, {@value #TENANTS} x
 * {@value #CODES_PER_TENANT} rows;</li>
 * <li>{@code rc_text}: a {@code varchar} key, {@value #TEXT_ROWS} keys {@code key-000001...} and a few keys of
 * mixed case and punctuation ({@link #ODD_TEXT_KEYS}); on MariaDB the key column has the case-insensitive
 * collation {@code utf8mb4_general_ci} (a MariaDB server's default), on PostgreSQL the database's {@code C}
 * collation, so the two sides sort these keys differently;</li>
 * <li>{@code rc_uuid}: a UUID key ({@code uuid} in PostgreSQL, {@code char(36)} in MariaDB), {@value #UUID_ROWS}
 * rows.</li>
 * </ul>
 * A difference is written as the commands render it: {@code missing KEY}, {@code extra KEY} or
 * {@code different KEY: col1, col2} (columns in alphabetical order), with the key as {@code col=value} joined with
 * {@code , }, text in single quotes, numbers plain, a UUID in single quotes and lower case.
 */
final class ReconcileTables {

    static final String ITEMS = "rc_items";
    static final String COMPOSITE = "rc_composite";
    static final String TEXT = "rc_text";
    static final String UUIDS = "rc_uuid";
    /** Every table the contract seeds, in the order the tests name them. */
    static final List<String> TABLES = List.of(ITEMS, COMPOSITE, TEXT, UUIDS);

    static final int ITEM_ROWS = 100_000;
    static final int TENANTS = 5;
    static final int CODES_PER_TENANT = 600;
    static final int TEXT_ROWS = 3_000;
    /** Keys whose order differs between a binary and a case-insensitive collation. */
    static final List<String> ODD_TEXT_KEYS = List.of("Zebra", "apple", "Mango-1", "_underscore", "KEY-UPPER",
            "\u00fcmlaut-1", "key-000001a");
    static final int UUID_ROWS = 2_000;

    private static final int ROWS_PER_INSERT = 1_000;
    private static final LocalDateTime ITEMS_EPOCH = LocalDateTime.of(2025, 6, 1, 0, 0);

    /**
     * The differences {@link #seedDifferences} makes on a secondary that held the primary's rows, by table: exactly
     * what {@code verify} must report.
     */
    static final Map<String, Set<String>> SEEDED_DIFFERENCES = seededDifferences();

    /**
     * Non-key values of the rows that differ (the primary's and the secondary's), as text in the forms a value
     * could be printed in: none of them may appear in the commands' output nor in the report.
     */
    static final List<String> SEEDED_VALUES = seededValues();

    private ReconcileTables() {
    }

    // ---------------------------------------------------------------- the rows both sides start with

    static String itemLabel(long id) {
        return String.format(Locale.ROOT, "item-%06d", id);
    }

    static BigDecimal itemAmount(long id) {
        return BigDecimal.valueOf(id * 7919 % 10_000_000, 2);
    }

    static boolean itemFlag(long id) {
        return id % 3 == 0;
    }

    static LocalDateTime itemCreated(long id) {
        return ITEMS_EPOCH.plusSeconds(id).plusNanos((id * 7919 % 1_000_000) * 1_000);
    }

    /** NULL for every fifth id. */
    static String itemNote(long id) {
        return id % 5 == 0 ? null : "note of item " + id;
    }

    static String code(int number) {
        return String.format(Locale.ROOT, "c-%04d", number);
    }

    static String textKey(int number) {
        return String.format(Locale.ROOT, "key-%06d", number);
    }

    static UUID uuid(int number) {
        return UUID.nameUUIDFromBytes(("rc-uuid-" + number).getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- schema

    /** Drops (when present) and creates the four tables, empty. */
    static void createAll(TestDatabase db) {
        for (String table : TABLES) {
            create(db, table, table);
        }
    }

    /** Creates a table named {@code name} with the columns of {@code kindOf} (one of {@link #TABLES}). */
    static void create(TestDatabase db, String kindOf, String name) {
        boolean pg = db.kind() == DatabaseKind.POSTGRESQL;
        String ddl;
        switch (kindOf) {
            case ITEMS:
                ddl = pg
                        ? "CREATE TABLE " + name + " (id bigint PRIMARY KEY, label varchar(100) NOT NULL,"
                                + " amount numeric(12,2), flag boolean NOT NULL, created timestamp(6) NOT NULL,"
                                + " note varchar(200))"
                        : "CREATE TABLE " + name + " (id bigint PRIMARY KEY, label varchar(100) NOT NULL,"
                                + " amount decimal(12,2), flag tinyint(1) NOT NULL, created datetime(6) NOT NULL,"
                                + " note varchar(200)) ENGINE=InnoDB";
                break;
            case COMPOSITE:
                ddl = "CREATE TABLE " + name + " (tenant int NOT NULL, code varchar(40) NOT NULL, qty int NOT NULL,"
                        + " label varchar(100), PRIMARY KEY (tenant, code))" + (pg ? "" : " ENGINE=InnoDB");
                break;
            case TEXT:
                ddl = pg
                        ? "CREATE TABLE " + name + " (k varchar(64) PRIMARY KEY, val varchar(100), n int)"
                        : "CREATE TABLE " + name + " (k varchar(64) COLLATE utf8mb4_general_ci PRIMARY KEY,"
                                + " val varchar(100), n int) ENGINE=InnoDB";
                break;
            case UUIDS:
                ddl = "CREATE TABLE " + name + " (id " + (pg ? "uuid" : "char(36)") + " PRIMARY KEY,"
                        + " name varchar(100) NOT NULL, score int)" + (pg ? "" : " ENGINE=InnoDB");
                break;
            default:
                throw new IllegalArgumentException("not a table of the contract: " + kindOf);
        }
        execute(db, "DROP TABLE IF EXISTS " + name, ddl);
    }

    static void drop(TestDatabase db, String... tables) {
        for (String table : tables) {
            execute(db, "DROP TABLE IF EXISTS " + table);
        }
    }

    static void truncateAll(TestDatabase db) {
        for (String table : TABLES) {
            execute(db, (db.kind() == DatabaseKind.POSTGRESQL ? "TRUNCATE " : "TRUNCATE TABLE ") + table);
        }
    }

    /** Statements in auto-commit, in order. */
    static void execute(TestDatabase db, String... statements) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new AssertionError("could not run " + Arrays.toString(statements) + " on " + db + ": " + e, e);
        }
    }

    /** A count of the rows of a table. */
    static long count(TestDatabase db, String table) {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError("could not count the rows of " + table + " on " + db + ": " + e, e);
        }
    }

    // ---------------------------------------------------------------- seeding

    /** Fills the four (empty) tables with the rows both sides start with. */
    static void seedAll(TestDatabase db) {
        seedItems(db, ITEMS, ITEM_ROWS);
        List<Object[]> composite = new ArrayList<>();
        for (int tenant = 1; tenant <= TENANTS; tenant++) {
            for (int number = 1; number <= CODES_PER_TENANT; number++) {
                composite.add(compositeRow(tenant, code(number)));
            }
        }
        insert(db, COMPOSITE, "tenant, code, qty, label", composite);
        List<Object[]> text = new ArrayList<>();
        for (int number = 1; number <= TEXT_ROWS; number++) {
            text.add(textRow(textKey(number), number));
        }
        for (int i = 0; i < ODD_TEXT_KEYS.size(); i++) {
            text.add(textRow(ODD_TEXT_KEYS.get(i), 90_000 + i));
        }
        insert(db, TEXT, "k, val, n", text);
        List<Object[]> uuids = new ArrayList<>();
        for (int number = 1; number <= UUID_ROWS; number++) {
            uuids.add(uuidRow(uuid(number), number));
        }
        insert(db, UUIDS, "id, name, score", uuids);
    }

    /** Rows 1..rows of a table with the columns of {@code rc_items}. */
    static void seedItems(TestDatabase db, String table, int rows) {
        List<Object[]> items = new ArrayList<>(rows);
        for (long id = 1; id <= rows; id++) {
            items.add(itemRow(id));
        }
        insert(db, table, "id, label, amount, flag, created, note", items);
    }

    private static Object[] itemRow(long id) {
        return new Object[] {id, itemLabel(id), itemAmount(id), itemFlag(id), itemCreated(id), itemNote(id)};
    }

    private static Object[] compositeRow(int tenant, String code) {
        return new Object[] {tenant, code, tenant * 10_000 + Integer.parseInt(code.substring(2)),
            "composite " + tenant + "/" + code};
    }

    private static Object[] textRow(String key, int n) {
        return new Object[] {key, "text value " + n, n};
    }

    private static Object[] uuidRow(UUID id, int number) {
        return new Object[] {id, "uuid row " + number, number * 3};
    }

    /** Multi-row INSERTs of {@value #ROWS_PER_INSERT} rows with bound values, in one transaction. */
    static void insert(TestDatabase db, String table, String columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int width = rows.get(0).length;
        String tuple = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            PreparedStatement full = null;
            try {
                for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
                    int to = Math.min(rows.size(), from + ROWS_PER_INSERT);
                    String sql = "INSERT INTO " + table + " (" + columns + ") VALUES "
                            + String.join(", ", Collections.nCopies(to - from, tuple));
                    PreparedStatement statement;
                    if (to - from == ROWS_PER_INSERT) {
                        if (full == null) {
                            full = c.prepareStatement(sql);
                        }
                        statement = full;
                    } else {
                        statement = c.prepareStatement(sql);
                    }
                    int index = 1;
                    for (int row = from; row < to; row++) {
                        for (Object value : rows.get(row)) {
                            bind(db, statement, index++, value);
                        }
                    }
                    statement.executeUpdate();
                    if (statement != full) {
                        statement.close();
                    }
                }
            } finally {
                if (full != null) {
                    full.close();
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new AssertionError("could not insert " + rows.size() + " rows into " + table + " on " + db + ": "
                    + e, e);
        }
    }

    private static void bind(TestDatabase db, PreparedStatement statement, int index, Object value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else if (value instanceof Long) {
            statement.setLong(index, (Long) value);
        } else if (value instanceof Integer) {
            statement.setInt(index, (Integer) value);
        } else if (value instanceof String) {
            statement.setString(index, (String) value);
        } else if (value instanceof BigDecimal) {
            statement.setBigDecimal(index, (BigDecimal) value);
        } else if (value instanceof Boolean) {
            statement.setBoolean(index, (Boolean) value);
        } else if (value instanceof LocalDateTime) {
            statement.setTimestamp(index, Timestamp.valueOf((LocalDateTime) value));
        } else if (value instanceof UUID) {
            if (db.kind() == DatabaseKind.POSTGRESQL) {
                statement.setObject(index, value);
            } else {
                statement.setString(index, value.toString());
            }
        } else {
            throw new IllegalArgumentException("no binding for " + value.getClass());
        }
    }

    /** One statement with bound values, in auto-commit; returns the update count. */
    static int update(TestDatabase db, String sql, Object... values) {
        try (Connection c = db.connect(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                bind(db, statement, i + 1, values[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError("could not run " + sql + " on " + db + ": " + e, e);
        }
    }

    // ---------------------------------------------------------------- the seeded differences

    /**
     * Makes the secondary, which holds the rows {@link #seedAll} wrote, differ from them in exactly the
     * {@link #SEEDED_DIFFERENCES}: rows missing and extra, a changed value, NULL against a value, a value against
     * the empty string, a timestamp cut to milliseconds or one microsecond off, and on the composite, text and UUID
     * keys.
     */
    static void seedDifferences(TestDatabase secondary) {
        TestDatabase s = secondary;
        // rc_items: missing on the secondary
        for (long id : new long[] {17, 4242, 99_999}) {
            expectOne(s, "DELETE FROM rc_items WHERE id = ?", id);
        }
        // rc_items: extra on the secondary
        insert(s, ITEMS, "id, label, amount, flag, created, note", List.of(
                new Object[] {100_001L, "extra-secondary-row-100001", new BigDecimal("31415.92"), true,
                    LocalDateTime.of(2030, 1, 2, 3, 4, 5, 678_901_000), "extra-secondary-note-a"},
                new Object[] {250_000L, "extra-secondary-row-250000", new BigDecimal("27182.81"), false,
                    LocalDateTime.of(2030, 2, 3, 4, 5, 6, 789_012_000), null}));
        // rc_items: different
        expectOne(s, "UPDATE rc_items SET label = ? WHERE id = ?", "secondary-label-5", 5L);
        expectOne(s, "UPDATE rc_items SET amount = ? WHERE id = ?", new BigDecimal("98765.43"), 50_000L);
        expectOne(s, "UPDATE rc_items SET flag = ? WHERE id = ?", !itemFlag(77_777), 77_777L);
        expectOne(s, "UPDATE rc_items SET note = NULL WHERE id = ?", 101L);
        expectOne(s, "UPDATE rc_items SET note = ? WHERE id = ?", "secondary-note-200", 200L);
        expectOne(s, "UPDATE rc_items SET label = ? WHERE id = ?", "", 303L);
        expectOne(s, "UPDATE rc_items SET note = ? WHERE id = ?", "", 404L);
        expectOne(s, "UPDATE rc_items SET note = ? WHERE id = ?", "", 505L);
        expectOne(s, "UPDATE rc_items SET created = ? WHERE id = ?",
                itemCreated(606).truncatedTo(ChronoUnit.MILLIS), 606L);
        expectOne(s, "UPDATE rc_items SET created = ? WHERE id = ?", itemCreated(607).plusNanos(1_000), 607L);
        expectOne(s, "UPDATE rc_items SET label = ?, amount = ? WHERE id = ?", "secondary-label-707",
                new BigDecimal("12345.67"), 707L);
        // rc_composite
        expectOne(s, "DELETE FROM rc_composite WHERE tenant = ? AND code = ?", 2, code(10));
        insert(s, COMPOSITE, "tenant, code, qty, label",
                List.<Object[]>of(new Object[] {9, "x-0001", 424_242, "extra-secondary-composite"}));
        expectOne(s, "UPDATE rc_composite SET label = ? WHERE tenant = ? AND code = ?", "secondary-composite-label",
                3, code(500));
        expectOne(s, "UPDATE rc_composite SET qty = ? WHERE tenant = ? AND code = ?", 777_777, 1, code(1));
        // rc_text
        expectOne(s, "DELETE FROM rc_text WHERE k = ?", textKey(100));
        expectOne(s, "DELETE FROM rc_text WHERE k = ?", "Zebra");
        insert(s, TEXT, "k, val, n", List.of(new Object[] {"key-999999", "extra-secondary-text-1", 515_151},
                new Object[] {"aardvark", "extra-secondary-text-2", 525_252}));
        expectOne(s, "UPDATE rc_text SET val = ? WHERE k = ?", "secondary-text-value", textKey(200));
        expectOne(s, "UPDATE rc_text SET n = ? WHERE k = ?", 636_363, "apple");
        // rc_uuid
        expectOne(s, "DELETE FROM rc_uuid WHERE id = ?", uuid(7));
        insert(s, UUIDS, "id, name, score", List.<Object[]>of(new Object[] {uuid(999_999), "extra-secondary-uuid",
            747_474}));
        expectOne(s, "UPDATE rc_uuid SET score = ? WHERE id = ?", 858_585, uuid(42));
    }

    private static void expectOne(TestDatabase db, String sql, Object... values) {
        int changed = update(db, sql, values);
        if (changed != 1) {
            throw new AssertionError(sql + " " + Arrays.toString(values) + " changed " + changed + " rows on " + db
                    + ", not 1: the seeding does not make the differences the test expects");
        }
    }

    private static Map<String, Set<String>> seededDifferences() {
        Map<String, Set<String>> all = new LinkedHashMap<>();
        all.put(ITEMS, set("missing id=17", "missing id=4242", "missing id=99999",
                "extra id=100001", "extra id=250000",
                "different id=5: label",
                "different id=50000: amount",
                "different id=77777: flag",
                "different id=101: note",
                "different id=200: note",
                "different id=303: label",
                "different id=404: note",
                "different id=505: note",
                "different id=606: created",
                "different id=607: created",
                "different id=707: amount, label"));
        all.put(COMPOSITE, set("missing tenant=2, code='c-0010'",
                "extra tenant=9, code='x-0001'",
                "different tenant=3, code='c-0500': label",
                "different tenant=1, code='c-0001': qty"));
        all.put(TEXT, set("missing k='key-000100'", "missing k='Zebra'",
                "extra k='key-999999'", "extra k='aardvark'",
                "different k='key-000200': val",
                "different k='apple': n"));
        all.put(UUIDS, set("missing id='" + uuid(7) + "'",
                "extra id='" + uuid(999_999) + "'",
                "different id='" + uuid(42) + "': score"));
        return Collections.unmodifiableMap(all);
    }

    private static List<String> seededValues() {
        List<String> values = new ArrayList<>(List.of(
                // the secondary's
                "extra-secondary-row-100001", "31415.92", "extra-secondary-note-a", "extra-secondary-row-250000",
                "27182.81", "secondary-label-5", "98765.43", "secondary-note-200", "secondary-label-707", "12345.67",
                "extra-secondary-composite", "424242", "secondary-composite-label", "777777",
                "extra-secondary-text-1", "515151", "extra-secondary-text-2", "525252", "secondary-text-value",
                "636363", "extra-secondary-uuid", "747474", "858585",
                // the primary's
                itemLabel(5), itemLabel(17), itemLabel(4242), itemLabel(99_999), itemLabel(303), itemLabel(707),
                itemAmount(50_000).toPlainString(), itemAmount(707).toPlainString(), itemNote(101), itemNote(404),
                "composite 3/c-0500", "composite 2/c-0010", "text value 200", "text value 100", "uuid row 7",
                "uuid row 42"));
        for (long id : new long[] {606, 607}) {
            LocalDateTime created = itemCreated(id);
            values.add(created.toString());
            values.add(Timestamp.valueOf(created).toString());
            values.add(String.format(Locale.ROOT, ".%06d", created.getNano() / 1_000));
        }
        return Collections.unmodifiableList(values);
    }

    private static Set<String> set(String... differences) {
        return Collections.unmodifiableSet(new TreeSet<>(Arrays.asList(differences)));
    }

    /** The differences, minus what only the given columns ({@code table.column}, lower case) made. */
    static Set<String> withoutColumns(String table, Set<String> differences, Set<String> ignoredColumns) {
        Set<String> left = new TreeSet<>();
        for (String difference : differences) {
            if (!difference.startsWith("different ")) {
                left.add(difference);
                continue;
            }
            int colon = difference.lastIndexOf(": ");
            List<String> columns = new ArrayList<>();
            for (String column : difference.substring(colon + 2).split(", ")) {
                if (!ignoredColumns.contains(table + "." + column)) {
                    columns.add(column);
                }
            }
            if (!columns.isEmpty()) {
                left.add(difference.substring(0, colon) + ": " + String.join(", ", columns));
            }
        }
        return left;
    }

    /** How many differences of a kind ({@code missing}, {@code extra}, {@code different}). */
    static long countOf(Set<String> differences, String kind) {
        return differences.stream().filter(d -> d.startsWith(kind + " ")).count();
    }

    // ---------------------------------------------------------------- an independent comparison

    /**
     * Every row of a table, keyed by its rendered key, as a rendering of its values comparable across dialects
     * (a flag as true/false, an amount as its plain text, a timestamp as ISO text with microseconds, a UUID in
     * lower case, NULL apart from the empty string). Works on the four tables and on copies of {@code rc_items}.
     */
    static Map<String, Map<String, String>> rows(TestDatabase db, String table) {
        String kind = table.equals(COMPOSITE) || table.equals(TEXT) || table.equals(UUIDS) ? table : ITEMS;
        List<String> keys;
        List<String> values;
        switch (kind) {
            case COMPOSITE:
                keys = List.of("tenant", "code");
                values = List.of("qty", "label");
                break;
            case TEXT:
                keys = List.of("k");
                values = List.of("val", "n");
                break;
            case UUIDS:
                keys = List.of("id");
                values = List.of("name", "score");
                break;
            default:
                keys = List.of("id");
                values = List.of("label", "amount", "flag", "created", "note");
                break;
        }
        Map<String, Map<String, String>> rows = new TreeMap<>();
        String sql = "SELECT " + String.join(", ", keys) + ", " + String.join(", ", values) + " FROM " + table;
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                List<String> key = new ArrayList<>();
                for (String column : keys) {
                    key.add(column + "=" + renderKeyValue(rs.getObject(column)));
                }
                Map<String, String> row = new TreeMap<>();
                for (String column : values) {
                    row.put(column, renderValue(rs, column));
                }
                rows.put(String.join(", ", key), row);
            }
        } catch (SQLException e) {
            throw new AssertionError("could not read " + table + " on " + db + ": " + e, e);
        }
        return rows;
    }

    private static String renderKeyValue(Object value) {
        if (value instanceof Number) {
            return new BigDecimal(value.toString()).toPlainString();
        }
        return "'" + (value instanceof UUID ? value.toString().toLowerCase(Locale.ROOT) : value.toString()) + "'";
    }

    private static String renderValue(ResultSet rs, String column) throws SQLException {
        switch (column) {
            case "flag": {
                boolean flag = rs.getBoolean(column);
                return rs.wasNull() ? "NULL" : Boolean.toString(flag);
            }
            case "created": {
                LocalDateTime created = rs.getObject(column, LocalDateTime.class);
                return created == null ? "NULL" : created.toString();
            }
            case "amount": {
                BigDecimal amount = rs.getBigDecimal(column);
                return amount == null ? "NULL" : amount.setScale(2).toPlainString();
            }
            default: {
                Object value = rs.getObject(column);
                if (value == null) {
                    return "NULL";
                }
                return value instanceof Number ? new BigDecimal(value.toString()).toPlainString()
                        : "'" + value + "'";
            }
        }
    }

    /**
     * The differences between the two sides' rows of a table, rendered as the commands render them: computed
     * here, independently of the commands.
     */
    static Set<String> differences(TestDatabase primary, TestDatabase secondary, String table) {
        Map<String, Map<String, String>> p = rows(primary, table);
        Map<String, Map<String, String>> s = rows(secondary, table);
        Set<String> differences = new TreeSet<>();
        for (Map.Entry<String, Map<String, String>> row : p.entrySet()) {
            Map<String, String> other = s.get(row.getKey());
            if (other == null) {
                differences.add("missing " + row.getKey());
                continue;
            }
            List<String> columns = row.getValue().keySet().stream()
                    .filter(column -> !row.getValue().get(column).equals(other.get(column)))
                    .sorted().collect(Collectors.toList());
            if (!columns.isEmpty()) {
                differences.add("different " + row.getKey() + ": " + String.join(", ", columns));
            }
        }
        for (String key : s.keySet()) {
            if (!p.containsKey(key)) {
                differences.add("extra " + key);
            }
        }
        return differences;
    }

    /** Fails, naming up to 20 differing keys, unless the table holds the same rows on both sides. */
    static void assertSameRows(TestDatabase primary, TestDatabase secondary, String table) {
        Set<String> differences = differences(primary, secondary, table);
        if (!differences.isEmpty()) {
            throw new AssertionError(table + " of the secondary (" + secondary.describe() + ") does not equal the "
                    + "primary's (" + primary.describe() + "), by the test's own comparison: " + differences.size()
                    + " differing keys, e.g. " + differences.stream().limit(20).collect(Collectors.toList()));
        }
    }
}
