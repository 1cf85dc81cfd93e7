package io.dualwrite.sample.scenario;

import io.dualwrite.sample.Dialect;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * {@link PreparedStatement} inserts into {@code values_all} through every setter, one row per setter call
 * (ids from 1, in the order below; the setters PostgreSQL's driver lacks come last, so that the other ids
 * agree across databases), then an UPDATE and a DELETE with bound values. Statements are reused across
 * rows, as applications do, so parameters of one execution must not leak into the next.
 */
final class PreparedScenario implements Scenario {

    private static final int LARGE_TEXT_LENGTH = 100 * 1024;
    private static final String STREAMED_TEXT = "character stream: Grüße 👋 你好";

    @Override
    public void run(ScenarioContext context) throws Exception {
        try (Connection connection = context.connect();
                ValuesAllInserter rows = new ValuesAllInserter(connection)) {
            Dialect dialect = Dialect.of(connection);
            long fullRow = insertFullRow(connection, rows.nextId());
            insertAllNulls(connection, rows.nextId());
            numbers(rows);
            strings(rows);
            bytes(rows);
            dateTimes(rows);
            objects(rows);
            streams(rows);
            long deletedRow = rows.insert("c_int", (statement, index) -> statement.setInt(index, -1));
            clearParametersThenRebind(connection, rows.nextId());
            driverDependentSetters(rows, dialect);
            updateAndDelete(connection, fullRow, deletedRow);
            System.out.println("prepared: " + rows.lastId() + " rows written, row " + deletedRow + " deleted again");
        }
    }

    private static long insertFullRow(Connection connection, long id) throws SQLException {
        String sql = "INSERT INTO values_all (id, c_bool, c_short, c_int, c_long, c_float, c_double, c_decimal,"
                + " c_text, c_unicode, c_bytes, c_date, c_time, c_ts, c_clob, c_blob, c_null_int, c_null_text)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            statement.setBoolean(2, true);
            statement.setShort(3, (short) -12345);
            statement.setInt(4, 2_000_000_000);
            statement.setLong(5, 9_000_000_000_000_000_000L);
            statement.setFloat(6, 1.5f);
            statement.setDouble(7, -2.25e10);
            statement.setBigDecimal(8, new BigDecimal("-12345.6789012345"));
            statement.setString(9, "full row");
            statement.setString(10, "Grüße 👋");
            statement.setBytes(11, new byte[] {0, 1, 2, (byte) 0xFF});
            statement.setDate(12, Date.valueOf("2024-02-29"));
            statement.setTime(13, Time.valueOf("13:45:56"));
            statement.setTimestamp(14, Timestamp.valueOf("2024-02-29 13:45:56.123456"));
            statement.setString(15, "clob as string");
            statement.setBytes(16, new byte[] {9, 8, 7});
            statement.setNull(17, Types.INTEGER);
            statement.setNull(18, Types.VARCHAR);
            statement.executeUpdate();
        }
        return id;
    }

    private static void insertAllNulls(Connection connection, long id) throws SQLException {
        // LONGVARCHAR/LONGVARBINARY rather than CLOB/BLOB: pgjdbc types those as large-object oids, which a
        // text or bytea column refuses even for NULL.
        int[] types = {Types.BOOLEAN, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.DOUBLE,
            Types.DECIMAL, Types.LONGVARCHAR, Types.VARCHAR, Types.VARBINARY, Types.DATE, Types.TIME,
            Types.TIMESTAMP, Types.LONGVARCHAR, Types.LONGVARBINARY, Types.INTEGER, Types.VARCHAR};
        String sql = "INSERT INTO values_all (id, c_bool, c_short, c_int, c_long, c_float, c_double, c_decimal,"
                + " c_text, c_unicode, c_bytes, c_date, c_time, c_ts, c_clob, c_blob, c_null_int, c_null_text)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            for (int i = 0; i < types.length; i++) {
                statement.setNull(i + 2, types[i]);
            }
            statement.executeUpdate();
        }
    }

    private static void numbers(ValuesAllInserter rows) throws SQLException {
        rows.insert("c_bool", (statement, index) -> statement.setBoolean(index, false));
        rows.insert("c_short", (statement, index) -> statement.setShort(index, Short.MIN_VALUE));
        rows.insert("c_int", (statement, index) -> statement.setInt(index, Integer.MIN_VALUE));
        rows.insert("c_long", (statement, index) -> statement.setLong(index, Long.MAX_VALUE));
        rows.insert("c_float", (statement, index) -> statement.setFloat(index, -0.125f));
        rows.insert("c_double", (statement, index) -> statement.setDouble(index, Math.PI));
        BigDecimal[] decimals = {
            new BigDecimal("12345678901234567890.0123456789"),
            new BigDecimal("-98765.4321"),
            new BigDecimal("-0.0000000001"),
            new BigDecimal("2.50"),
            BigDecimal.valueOf(15, -3), // 15E+3: a negative scale
        };
        for (BigDecimal decimal : decimals) {
            rows.insert("c_decimal", (statement, index) -> statement.setBigDecimal(index, decimal));
        }
    }

    private static void strings(ValuesAllInserter rows) throws SQLException {
        rows.insert("c_text", (statement, index) -> statement.setString(index, "plain ASCII, with 'quotes'"));
        rows.insert("c_unicode", (statement, index) -> statement.setString(index, "Grüße 👋 你好世界 🎉 Ελληνικά"));
        rows.insert("c_text", (statement, index) -> statement.setString(index, largeText()));
        rows.insert("c_text", (statement, index) -> statement.setString(index, ""));
    }

    private static void bytes(ValuesAllInserter rows) throws SQLException {
        rows.insert("c_bytes", (statement, index) -> statement.setBytes(index, allByteValues()));
        rows.insert("c_bytes", (statement, index) -> statement.setBytes(index, new byte[0]));
    }

    private static void dateTimes(ValuesAllInserter rows) throws SQLException {
        rows.insert("c_date", (statement, index) -> statement.setDate(index, Date.valueOf("1999-12-31")));
        rows.insert("c_date", (statement, index) -> statement.setDate(index, Date.valueOf("1999-12-31"), utc()));
        rows.insert("c_time", (statement, index) -> statement.setTime(index, Time.valueOf("23:59:58")));
        rows.insert("c_time", (statement, index) -> statement.setTime(index, Time.valueOf("23:59:58"), utc()));
        Timestamp timestamp = Timestamp.valueOf("2001-09-09 01:46:40.654321");
        rows.insert("c_ts", (statement, index) -> statement.setTimestamp(index, timestamp));
        rows.insert("c_ts", (statement, index) -> statement.setTimestamp(index, timestamp, utc()));
        // Not UTC as well: where the JVM runs in UTC, a UTC Calendar changes nothing and so proves little.
        Calendar india = Calendar.getInstance(TimeZone.getTimeZone("Asia/Kolkata"));
        rows.insert("c_ts", (statement, index) -> statement.setTimestamp(index, timestamp, india));
    }

    private static void objects(ValuesAllInserter rows) throws SQLException {
        rows.insert("c_int", (statement, index) -> statement.setObject(index, 42));
        rows.insert("c_bool", (statement, index) -> statement.setObject(index, Boolean.TRUE));
        rows.insert("c_text", (statement, index) -> statement.setObject(index, "object text"));
        rows.insert("c_decimal", (statement, index) -> statement.setObject(index, new BigDecimal("7.125")));
        rows.insert("c_int", (statement, index) -> statement.setObject(index, "123", Types.INTEGER));
        rows.insert("c_long", (statement, index) -> statement.setObject(index, 77L, Types.BIGINT));
        rows.insert("c_text", (statement, index) -> statement.setObject(index, "typed text", Types.VARCHAR));
        // A value already at the requested scale: drivers disagree on whether and how they would round.
        rows.insert("c_decimal",
                (statement, index) -> statement.setObject(index, new BigDecimal("3.14"), Types.DECIMAL, 2));
        rows.insert("c_date", (statement, index) -> statement.setObject(index, LocalDate.of(2020, 2, 29)));
        rows.insert("c_ts",
                (statement, index) -> statement.setObject(index, LocalDateTime.of(2020, 2, 29, 12, 0, 1, 500_000)));
    }

    private static void streams(ValuesAllInserter rows) throws SQLException {
        byte[] binary = allByteValues();
        rows.insert("c_blob",
                (statement, index) -> statement.setBinaryStream(index, new ByteArrayInputStream(binary)));
        rows.insert("c_bytes", (statement, index) -> statement.setBinaryStream(index, new ByteArrayInputStream(binary),
                binary.length));
        rows.insert("c_blob", (statement, index) -> statement.setBinaryStream(index, new ByteArrayInputStream(binary),
                (long) binary.length));
        byte[] ascii = "ascii stream content".getBytes(StandardCharsets.US_ASCII);
        rows.insert("c_text",
                (statement, index) -> statement.setAsciiStream(index, new ByteArrayInputStream(ascii), ascii.length));
        rows.insert("c_clob",
                (statement, index) -> statement.setCharacterStream(index, new StringReader(STREAMED_TEXT)));
        rows.insert("c_text", (statement, index) -> statement.setCharacterStream(index, new StringReader(STREAMED_TEXT),
                STREAMED_TEXT.length()));
    }

    /** Last, so that the rows before have the same ids on every database. */
    private static void driverDependentSetters(ValuesAllInserter rows, Dialect dialect) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            // pgjdbc: setCharacterStream(int, Reader, long) and setClob(int, Reader) are "not yet implemented",
            // and setBlob(int, InputStream) writes a large object and binds its oid, which bytea refuses.
            System.out.println("prepared: setCharacterStream(int,Reader,long), setBlob(int,InputStream) and"
                    + " setClob(int,Reader) skipped on PostgreSQL");
            return;
        }
        byte[] binary = allByteValues();
        rows.insert("c_clob", (statement, index) -> statement.setCharacterStream(index, new StringReader(STREAMED_TEXT),
                (long) STREAMED_TEXT.length()));
        rows.insert("c_blob", (statement, index) -> statement.setBlob(index, new ByteArrayInputStream(binary)));
        rows.insert("c_clob", (statement, index) -> statement.setClob(index, new StringReader(STREAMED_TEXT)));
    }

    private static void clearParametersThenRebind(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO values_all (id, c_int, c_text) VALUES (?, ?, ?)")) {
            statement.setLong(1, -id);
            statement.setInt(2, 1);
            statement.setString(3, "bound before clearParameters");
            statement.clearParameters();
            statement.setLong(1, id);
            statement.setInt(2, 2);
            statement.setString(3, "bound after clearParameters");
            statement.executeUpdate();
        }
    }

    private static void updateAndDelete(Connection connection, long updatedRow, long deletedRow)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE values_all SET c_int = ?, c_text = ?, c_null_text = ? WHERE id = ?")) {
            update.setInt(1, 7);
            update.setString(2, "updated Grüße 👋");
            update.setNull(3, Types.VARCHAR);
            update.setLong(4, updatedRow);
            update.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM values_all WHERE id = ?")) {
            delete.setLong(1, deletedRow);
            delete.executeUpdate();
        }
    }

    /** 100 KB of text made of a repeating, position-dependent pattern. */
    private static String largeText() {
        StringBuilder text = new StringBuilder(LARGE_TEXT_LENGTH);
        for (int i = 0; text.length() < LARGE_TEXT_LENGTH; i++) {
            text.append(i % 10 == 9 ? '\n' : (char) ('a' + i % 26));
        }
        return text.toString();
    }

    private static byte[] allByteValues() {
        byte[] values = new byte[256];
        for (int i = 0; i < values.length; i++) {
            values[i] = (byte) i;
        }
        return values;
    }

    private static Calendar utc() {
        return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    }
}
