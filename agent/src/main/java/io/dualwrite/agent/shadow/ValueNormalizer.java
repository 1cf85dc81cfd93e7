package io.dualwrite.agent.shadow;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Makes values read through different drivers comparable. PostgreSQL and MariaDB/MySQL return the same stored
 * value as different Java types (Boolean or Integer or byte[] for a flag, Long or BigDecimal for a count,
 * Timestamp or LocalDateTime for a time, padded or not for char(n)), so every value is first brought to one of a
 * few forms: null, {@link BigDecimal} without trailing zeros, {@link NonFinite}, String, byte[],
 * {@link LocalDateTime}, {@link LocalDate}, {@link LocalTime} or a List of such.
 *
 * <p>Two normalised values are equal exactly when their {@link #canonical canonical renderings} are, so that
 * sorting rows by rendering (for results whose order does not matter) agrees with comparing them.
 */
public final class ValueNormalizer {

    /** Floating-point values no decimal can hold; kept apart from every number and from each other. */
    public enum NonFinite { NAN, POSITIVE_INFINITY, NEGATIVE_INFINITY }

    /** Fractional-second digits of a value whose column does not limit them. */
    public static final int FULL_PRECISION = 9;

    private ValueNormalizer() {
    }

    /**
     * The comparable form of a value read from a column of JDBC type {@code sqlType}. Large objects and streams
     * must already have been read into byte[] or String (they cannot be read once the result set moves on).
     */
    public static Object normalize(Object value, int sqlType) {
        if (value == null) {
            return null;
        }
        if (value instanceof String) {
            // PostgreSQL pads char(n) to its length, MariaDB and MySQL strip the padding
            return isCharType(sqlType) ? stripTrailingSpaces((String) value) : value;
        }
        if (value instanceof Character) {
            return normalize(value.toString(), sqlType);
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (value instanceof Number) {
            return number((Number) value);
        }
        if (value instanceof byte[]) {
            return value;
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
        if (value instanceof LocalDateTime || value instanceof LocalDate || value instanceof LocalTime) {
            return value;
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
            return value.toString().toLowerCase(Locale.ROOT);
        }
        if (value instanceof List) {
            List<Object> elements = new ArrayList<>(((List<?>) value).size());
            for (Object element : (List<?>) value) {
                elements.add(normalize(element, Types.OTHER));
            }
            return Collections.unmodifiableList(elements);
        }
        // json, interval, inet and the like: PostgreSQL's PGobject and MariaDB's String both print the value
        return value.toString();
    }

    private static Object number(Number number) {
        BigDecimal decimal;
        if (number instanceof BigDecimal) {
            decimal = (BigDecimal) number;
        } else if (number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte) {
            decimal = BigDecimal.valueOf(number.longValue());
        } else if (number instanceof BigInteger) {
            decimal = new BigDecimal((BigInteger) number);
        } else if (number instanceof Float || number instanceof Double) {
            double d = number.doubleValue();
            if (Double.isNaN(d)) {
                return NonFinite.NAN;
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? NonFinite.POSITIVE_INFINITY : NonFinite.NEGATIVE_INFINITY;
            }
            // through the shortest decimal string, so that real 0.1 and double precision 0.1 are both 0.1
            decimal = new BigDecimal(number.toString());
        } else {
            try {
                decimal = new BigDecimal(number.toString());
            } catch (NumberFormatException notDecimal) {
                return number.toString();
            }
        }
        return decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
    }

    static boolean isCharType(int sqlType) {
        return sqlType == Types.CHAR || sqlType == Types.NCHAR;
    }

    /** Column types whose values carry fractional seconds, which columns may hold to different precisions. */
    static boolean isFractionalTemporalType(int sqlType) {
        return sqlType == Types.TIMESTAMP || sqlType == Types.TIMESTAMP_WITH_TIMEZONE || sqlType == Types.TIME
                || sqlType == Types.TIME_WITH_TIMEZONE;
    }

    private static String stripTrailingSpaces(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        return text.substring(0, end);
    }

    /**
     * A normalised value as a string that tells its form apart ({@code null}, a number, a text that looks like
     * one), with times cut to {@code fractionDigits} digits of a second: a value is compared at the precision of
     * the less precise of the two columns. A byte[] of one byte holding 0 or 1 is the number: MariaDB may return
     * a BIT(1) as bytes where PostgreSQL returns a boolean.
     */
    public static String canonical(Object value, int fractionDigits) {
        StringBuilder out = new StringBuilder();
        canonical(out, value, fractionDigits);
        return out.toString();
    }

    private static void canonical(StringBuilder out, Object value, int fractionDigits) {
        if (value == null) {
            out.append('N');
        } else if (value instanceof BigDecimal) {
            out.append("n:").append(((BigDecimal) value).toPlainString());
        } else if (value instanceof NonFinite) {
            out.append("f:").append(value);
        } else if (value instanceof byte[]) {
            byte[] bytes = (byte[]) value;
            if (bytes.length == 1 && (bytes[0] == 0 || bytes[0] == 1)) {
                out.append("n:").append(bytes[0]);
            } else {
                out.append("b:");
                hex(out, bytes, bytes.length);
            }
        } else if (value instanceof LocalDateTime) {
            LocalDateTime time = (LocalDateTime) value;
            out.append("t:").append(time.withNano(truncate(time.getNano(), fractionDigits)));
        } else if (value instanceof LocalTime) {
            LocalTime time = (LocalTime) value;
            out.append("T:").append(time.withNano(truncate(time.getNano(), fractionDigits)));
        } else if (value instanceof LocalDate) {
            out.append("d:").append(value);
        } else if (value instanceof List) {
            out.append("a:[");
            for (Object element : (List<?>) value) {
                String rendered = canonical(element, fractionDigits);
                // length first, so that no element's text can pass for a separator
                out.append(rendered.length()).append(':').append(rendered);
            }
            out.append(']');
        } else {
            out.append("s:").append(value);
        }
    }

    private static int truncate(int nanos, int fractionDigits) {
        int digits = Math.max(0, Math.min(FULL_PRECISION, fractionDigits));
        int unit = 1;
        for (int i = digits; i < FULL_PRECISION; i++) {
            unit *= 10;
        }
        return nanos - nanos % unit;
    }

    /** A normalised value for people to read, at most {@code maxChars} long; null for SQL NULL. */
    public static String display(Object value, int fractionDigits, int maxChars) {
        if (value == null) {
            return null;
        }
        String text;
        if (value instanceof byte[]) {
            byte[] bytes = (byte[]) value;
            StringBuilder out = new StringBuilder("0x");
            hex(out, bytes, Math.min(bytes.length, maxChars / 2));
            text = out.toString();
            if (bytes.length > maxChars / 2) {
                return out.append("... (").append(bytes.length).append(" bytes)").toString();
            }
        } else {
            text = canonical(value, fractionDigits).substring(2);
        }
        return text.length() > maxChars ? text.substring(0, maxChars) + "... (" + text.length() + " chars)" : text;
    }

    private static void hex(StringBuilder out, byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            out.append(Character.forDigit((bytes[i] >> 4) & 0xf, 16)).append(Character.forDigit(bytes[i] & 0xf, 16));
        }
    }
}
