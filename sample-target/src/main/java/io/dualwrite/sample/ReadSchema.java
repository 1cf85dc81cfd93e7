package io.dualwrite.sample;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The tables the {@code reads} scenario reads, apart from {@link Schema}'s. They are created and filled on each
 * side directly (never through the agent), so that every answer tells which database gave it:
 * <ul>
 * <li>{@code marker_reads}: rows 1..N whose {@code source} is the name given to {@link #seedMarkers} on that side
 * ({@code primary} on the primary, {@code secondary} on the secondary), {@code label} {@code label-<id>} and
 * {@code amount} {@code <id>.25};</li>
 * <li>{@code marker_excluded}: the same, for a table the agent's {@code reads.tables} leaves out;</li>
 * <li>{@code marker_writes}: one row (id 1) the scenario updates before an {@code after-write} read;</li>
 * <li>{@code read_types}: rows of every common column type, the same on both sides ({@link #seedTyped}).</li>
 * </ul>
 */
public final class ReadSchema {

    public static final String MARKERS = "marker_reads";
    public static final String EXCLUDED = "marker_excluded";
    public static final String WRITES = "marker_writes";
    public static final String TYPES = "read_types";

    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put(MARKERS, "id INT PRIMARY KEY, source VARCHAR(20), label VARCHAR(100), amount NUMERIC(10,2)");
        TABLES.put(EXCLUDED, "id INT PRIMARY KEY, source VARCHAR(20), label VARCHAR(100), amount NUMERIC(10,2)");
        TABLES.put(WRITES, "id INT PRIMARY KEY, n INT");
        TABLES.put(TYPES, "id INT PRIMARY KEY, c_int INT, c_bigint BIGINT, c_numeric NUMERIC(10,2),"
                + " c_real {real}, c_double {double}, c_bool BOOLEAN, c_varchar VARCHAR(100), c_char CHAR(5),"
                + " c_text {text}, c_date DATE, c_timestamp {timestamp}, c_bytes {bytes}, c_uuid VARCHAR(36),"
                + " c_null_int INT, c_null_text VARCHAR(50)");
    }

    /** The columns of {@code read_types}, in order, as the scenario selects them. */
    public static final String TYPE_COLUMNS = "id, c_int, c_bigint, c_numeric, c_real, c_double, c_bool, c_varchar,"
            + " c_char, c_text, c_date, c_timestamp, c_bytes, c_uuid, c_null_int, c_null_text";

    private ReadSchema() {
    }

    public static List<String> tables() {
        return new ArrayList<>(TABLES.keySet());
    }

    /** Drops (if they exist) and creates the read tables, with {@code marker_writes} holding its row 1. */
    public static void create(Connection connection) throws SQLException {
        Dialect dialect = Dialect.of(connection);
        String tableOptions = dialect == Dialect.MARIADB ? " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4" : "";
        try (Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> table : TABLES.entrySet()) {
                statement.execute("DROP TABLE IF EXISTS " + table.getKey());
                statement.execute("CREATE TABLE " + table.getKey() + " (" + columns(table.getValue(), dialect) + ")"
                        + tableOptions);
            }
            statement.executeUpdate("INSERT INTO " + WRITES + " (id, n) VALUES (1, 0)");
        }
        commitIfNeeded(connection);
    }

    /** Rows 1..rows into {@code marker_reads} and {@code marker_excluded}, with this {@code source}. */
    public static void seedMarkers(Connection connection, String source, int rows) throws SQLException {
        for (String table : new String[] {MARKERS, EXCLUDED}) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + table + " (id, source, label, amount) VALUES (?, ?, ?, ?)")) {
                for (int id = 1; id <= rows; id++) {
                    insert.setInt(1, id);
                    insert.setString(2, source);
                    insert.setString(3, "label-" + id);
                    insert.setBigDecimal(4, new BigDecimal(id + ".25"));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        commitIfNeeded(connection);
    }

    /**
     * Rows 1..rows into {@code read_types}, the same values whatever the database: each value fits its column
     * exactly on both sides (a {@code CHAR(5)} of five characters, binary fractions in the floating-point columns,
     * microseconds in the timestamp), so that two sides seeded alike hold equal data.
     */
    public static void seedTyped(Connection connection, int rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TYPES + " (" + TYPE_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int id = 1; id <= rows; id++) {
                int p = 1;
                insert.setInt(p++, id);
                insert.setInt(p++, -1000 * id);
                insert.setLong(p++, 9_000_000_000L + id);
                insert.setBigDecimal(p++, new BigDecimal((id * 1000 + 7) + ".5" + (id % 10)));
                insert.setFloat(p++, 1.5f + id);
                insert.setDouble(p++, 0.125 * id - 1e6);
                insert.setBoolean(p++, id % 2 == 0);
                insert.setString(p++, "O'Brien – Grüße ✓ " + id);
                insert.setString(p++, "CH" + String.format("%03d", id % 1000));
                insert.setString(p++, "a longer text, row " + id + ", with a\nnewline and a \"quote\"");
                insert.setDate(p++, Date.valueOf(LocalDate.of(2026, 1, 1).plusDays(id)));
                insert.setTimestamp(p++, Timestamp.valueOf(LocalDateTime.of(2026, 2, 3, 4, 5, 6, 123_456_000)
                        .plusSeconds(id)));
                insert.setBytes(p++, ("bytes " + id + " \u0000\u00ff").getBytes(StandardCharsets.ISO_8859_1));
                insert.setString(p++, UUID.nameUUIDFromBytes(("row " + id).getBytes(StandardCharsets.UTF_8))
                        .toString());
                insert.setNull(p++, java.sql.Types.INTEGER);
                insert.setNull(p, java.sql.Types.VARCHAR);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        commitIfNeeded(connection);
    }

    private static String columns(String columns, Dialect dialect) {
        Map<String, String> types;
        switch (dialect) {
            case POSTGRESQL:
                types = Map.of("real", "REAL", "double", "DOUBLE PRECISION", "text", "TEXT",
                        "timestamp", "TIMESTAMP(6)", "bytes", "BYTEA");
                break;
            case MARIADB:
                // REAL means DOUBLE on MariaDB unless the REAL_AS_FLOAT mode is set, so FLOAT it is.
                types = Map.of("real", "FLOAT", "double", "DOUBLE", "text", "LONGTEXT",
                        "timestamp", "DATETIME(6)", "bytes", "LONGBLOB");
                break;
            case H2:
                types = Map.of("real", "REAL", "double", "DOUBLE PRECISION", "text", "VARCHAR",
                        "timestamp", "TIMESTAMP(6)", "bytes", "VARBINARY");
                break;
            default:
                throw new IllegalArgumentException("no column types for " + dialect);
        }
        for (Map.Entry<String, String> type : types.entrySet()) {
            columns = columns.replace("{" + type.getKey() + "}", type.getValue());
        }
        return columns;
    }

    private static void commitIfNeeded(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }
}
