package io.dualwrite.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.UUID;

/**
 * Reads column values so that the same value stored in PostgreSQL, MariaDB and H2 compares equal:
 * exact numbers as {@link BigDecimal} (compared with {@code compareTo}), floating point as they are
 * (compared exactly, as {@code float} when either side is a {@code float}), booleans against 0/1,
 * binary as {@link Bytes}, character large objects as {@link String}, timestamps as
 * {@link LocalDateTime}, dates as {@link LocalDate}, times as {@link LocalTime}.
 */
final class ComparableValues {

    private ComparableValues() {
    }

    static Object read(ResultSet rs, int column, int sqlType) throws SQLException {
        switch (sqlType) {
            case Types.CHAR:
            case Types.NCHAR:
                return rtrim(rs.getString(column));
            case Types.VARCHAR:
            case Types.NVARCHAR:
            case Types.LONGVARCHAR:
            case Types.LONGNVARCHAR:
            case Types.CLOB:
            case Types.NCLOB:
                return rs.getString(column);
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
            case Types.BLOB: {
                byte[] bytes = rs.getBytes(column);
                return bytes == null ? null : new Bytes(bytes);
            }
            case Types.TINYINT:
            case Types.SMALLINT:
            case Types.INTEGER:
            case Types.BIGINT:
            case Types.NUMERIC:
            case Types.DECIMAL: {
                BigDecimal d = rs.getBigDecimal(column);
                return d == null ? null : d.stripTrailingZeros();
            }
            case Types.TIMESTAMP:
            case Types.TIMESTAMP_WITH_TIMEZONE: {
                java.sql.Timestamp t = rs.getTimestamp(column);
                return t == null ? null : t.toLocalDateTime();
            }
            case Types.DATE: {
                java.sql.Date d = rs.getDate(column);
                return d == null ? null : d.toLocalDate();
            }
            case Types.TIME:
            case Types.TIME_WITH_TIMEZONE:
                return readTime(rs, column);
            default:
                return normalise(rs.getObject(column));
        }
    }

    private static Object readTime(ResultSet rs, int column) throws SQLException {
        try {
            return rs.getObject(column, LocalTime.class);
        } catch (SQLException | RuntimeException unsupported) {
            java.sql.Time t = rs.getTime(column);
            return t == null ? null : t.toLocalTime();
        }
    }

    /** Values that came through {@code getObject}. */
    static Object normalise(Object value) throws SQLException {
        if (value == null || value instanceof Boolean || value instanceof Float || value instanceof Double
                || value instanceof String) {
            return value;
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).stripTrailingZeros();
        }
        if (value instanceof BigInteger) {
            return new BigDecimal((BigInteger) value);
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof byte[]) {
            return new Bytes((byte[]) value);
        }
        if (value instanceof Blob) {
            Blob blob = (Blob) value;
            try (InputStream in = blob.getBinaryStream()) {
                return new Bytes(in.readAllBytes());
            } catch (IOException e) {
                throw new SQLException(e);
            }
        }
        if (value instanceof Clob) {
            Clob clob = (Clob) value;
            StringBuilder s = new StringBuilder();
            try (Reader r = clob.getCharacterStream()) {
                char[] buffer = new char[8192];
                int n;
                while ((n = r.read(buffer)) > 0) {
                    s.append(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new SQLException(e);
            }
            return s.toString();
        }
        if (value instanceof java.sql.Timestamp) {
            return ((java.sql.Timestamp) value).toLocalDateTime();
        }
        if (value instanceof java.sql.Date) {
            return ((java.sql.Date) value).toLocalDate();
        }
        if (value instanceof java.sql.Time) {
            return ((java.sql.Time) value).toLocalTime();
        }
        if (value instanceof OffsetDateTime) {
            return ((OffsetDateTime) value).atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
        }
        if (value instanceof ZonedDateTime) {
            return ((ZonedDateTime) value).withZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
        }
        if (value instanceof OffsetTime) {
            return ((OffsetTime) value).toLocalTime();
        }
        if (value instanceof UUID) {
            return value.toString();
        }
        if (value instanceof LocalDateTime || value instanceof LocalDate || value instanceof LocalTime) {
            return value;
        }
        if (value instanceof Number) {
            return new BigDecimal(value.toString()).stripTrailingZeros();
        }
        return value.toString();
    }

    /** Whether two normalised values are the same value. */
    static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Boolean && b instanceof Number) {
            return sameBoolean((Boolean) a, (Number) b);
        }
        if (b instanceof Boolean && a instanceof Number) {
            return sameBoolean((Boolean) b, (Number) a);
        }
        if (a instanceof Number && b instanceof Number) {
            Number x = (Number) a;
            Number y = (Number) b;
            if (x instanceof Float || y instanceof Float) {
                return Float.compare(x.floatValue(), y.floatValue()) == 0;
            }
            if (x instanceof Double || y instanceof Double) {
                return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
            }
            return ((BigDecimal) x).compareTo((BigDecimal) y) == 0;
        }
        if (a instanceof String && b instanceof String) {
            return a.equals(b);
        }
        return a.equals(b) || a.toString().equals(b.toString());
    }

    private static boolean sameBoolean(Boolean bool, Number number) {
        if (number instanceof Float || number instanceof Double) {
            return (number.doubleValue() != 0) == bool;
        }
        BigDecimal d = (BigDecimal) number;
        return bool ? d.compareTo(BigDecimal.ONE) == 0 : d.signum() == 0;
    }

    /** A short, readable rendering for assertion messages. */
    static String show(Object value) {
        if (value == null) {
            return "NULL";
        }
        String text = value instanceof BigDecimal ? ((BigDecimal) value).toPlainString() : value.toString();
        if (text.length() > 120) {
            text = text.substring(0, 60) + "..." + text.substring(text.length() - 20) + " (" + text.length() + " chars)";
        }
        String kind = value.getClass().getSimpleName();
        return value instanceof String ? "'" + text + "' [" + kind + "]" : text + " [" + kind + "]";
    }

    private static String rtrim(String s) {
        if (s == null) {
            return null;
        }
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    /** Binary content, compared by value and shown as hex. */
    static final class Bytes {
        private final byte[] bytes;

        Bytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        int length() {
            return bytes.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes && Arrays.equals(bytes, ((Bytes) o).bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            StringBuilder hex = new StringBuilder("0x");
            for (byte b : bytes) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex + " (" + bytes.length + " bytes)";
        }
    }
}
