package io.dualwrite.agent.codec;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.JDBCType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.UUID;

/**
 * Writes and reads the values bound to statements, each behind a tag for its type, exactly: decimals keep
 * their scale, timestamps their nanoseconds, calendars their time zone, and a value read back has the type
 * it was written with. A type without a tag here is refused rather than stored approximately.
 */
public final class ValueCodec {

    private static final byte NULL = 0;
    private static final byte BOOLEAN = 1;
    private static final byte BYTE = 2;
    private static final byte SHORT = 3;
    private static final byte INTEGER = 4;
    private static final byte LONG = 5;
    private static final byte FLOAT = 6;
    private static final byte DOUBLE = 7;
    private static final byte BIG_DECIMAL = 8;
    private static final byte BIG_INTEGER = 9;
    private static final byte STRING = 10;
    private static final byte BYTES = 11;
    private static final byte SQL_DATE = 12;
    private static final byte SQL_TIME = 13;
    private static final byte SQL_TIMESTAMP = 14;
    private static final byte UTIL_DATE = 15;
    private static final byte CALENDAR = 16;
    private static final byte LOCAL_DATE = 17;
    private static final byte LOCAL_TIME = 18;
    private static final byte LOCAL_DATE_TIME = 19;
    private static final byte OFFSET_DATE_TIME = 20;
    private static final byte OFFSET_TIME = 21;
    private static final byte INSTANT = 22;
    private static final byte ZONED_DATE_TIME = 23;
    private static final byte UUID_VALUE = 24;
    private static final byte CHARACTER = 25;
    private static final byte JDBC_TYPE = 26;

    private ValueCodec() {
    }

    public static void write(DataOutputStream out, Object value) throws IOException, UnencodableValueException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof Boolean) {
            out.writeByte(BOOLEAN);
            out.writeBoolean((Boolean) value);
        } else if (value instanceof Byte) {
            out.writeByte(BYTE);
            out.writeByte((Byte) value);
        } else if (value instanceof Short) {
            out.writeByte(SHORT);
            out.writeShort((Short) value);
        } else if (value instanceof Integer) {
            out.writeByte(INTEGER);
            out.writeInt((Integer) value);
        } else if (value instanceof Long) {
            out.writeByte(LONG);
            out.writeLong((Long) value);
        } else if (value instanceof Float) {
            out.writeByte(FLOAT);
            out.writeInt(Float.floatToRawIntBits((Float) value));
        } else if (value instanceof Double) {
            out.writeByte(DOUBLE);
            out.writeLong(Double.doubleToRawLongBits((Double) value));
        } else if (value instanceof BigDecimal) {
            out.writeByte(BIG_DECIMAL);
            out.writeInt(((BigDecimal) value).scale());
            writeBytes(out, ((BigDecimal) value).unscaledValue().toByteArray());
        } else if (value instanceof BigInteger) {
            out.writeByte(BIG_INTEGER);
            writeBytes(out, ((BigInteger) value).toByteArray());
        } else if (value instanceof String) {
            out.writeByte(STRING);
            writeString(out, (String) value);
        } else if (value instanceof byte[]) {
            out.writeByte(BYTES);
            writeBytes(out, (byte[]) value);
        } else {
            writeTemporalOrOther(out, value);
        }
    }

    private static void writeTemporalOrOther(DataOutputStream out, Object value)
            throws IOException, UnencodableValueException {
        if (value instanceof java.sql.Timestamp) {
            out.writeByte(SQL_TIMESTAMP);
            out.writeLong(((java.sql.Timestamp) value).getTime());
            out.writeInt(((java.sql.Timestamp) value).getNanos());
        } else if (value instanceof java.sql.Date) {
            out.writeByte(SQL_DATE);
            out.writeLong(((java.sql.Date) value).getTime());
        } else if (value instanceof java.sql.Time) {
            out.writeByte(SQL_TIME);
            out.writeLong(((java.sql.Time) value).getTime());
        } else if (value instanceof java.util.Date) {
            out.writeByte(UTIL_DATE);
            out.writeLong(((java.util.Date) value).getTime());
        } else if (value instanceof Calendar) {
            out.writeByte(CALENDAR);
            writeString(out, ((Calendar) value).getTimeZone().getID());
            out.writeLong(((Calendar) value).getTimeInMillis());
        } else if (value instanceof LocalDate) {
            out.writeByte(LOCAL_DATE);
            out.writeLong(((LocalDate) value).toEpochDay());
        } else if (value instanceof LocalTime) {
            out.writeByte(LOCAL_TIME);
            out.writeLong(((LocalTime) value).toNanoOfDay());
        } else if (value instanceof LocalDateTime) {
            out.writeByte(LOCAL_DATE_TIME);
            writeLocalDateTime(out, (LocalDateTime) value);
        } else if (value instanceof OffsetDateTime) {
            out.writeByte(OFFSET_DATE_TIME);
            writeLocalDateTime(out, ((OffsetDateTime) value).toLocalDateTime());
            out.writeInt(((OffsetDateTime) value).getOffset().getTotalSeconds());
        } else if (value instanceof OffsetTime) {
            out.writeByte(OFFSET_TIME);
            out.writeLong(((OffsetTime) value).toLocalTime().toNanoOfDay());
            out.writeInt(((OffsetTime) value).getOffset().getTotalSeconds());
        } else if (value instanceof Instant) {
            out.writeByte(INSTANT);
            out.writeLong(((Instant) value).getEpochSecond());
            out.writeInt(((Instant) value).getNano());
        } else if (value instanceof ZonedDateTime) {
            out.writeByte(ZONED_DATE_TIME);
            writeLocalDateTime(out, ((ZonedDateTime) value).toLocalDateTime());
            out.writeInt(((ZonedDateTime) value).getOffset().getTotalSeconds());
            writeString(out, ((ZonedDateTime) value).getZone().getId());
        } else if (value instanceof UUID) {
            out.writeByte(UUID_VALUE);
            out.writeLong(((UUID) value).getMostSignificantBits());
            out.writeLong(((UUID) value).getLeastSignificantBits());
        } else if (value instanceof Character) {
            out.writeByte(CHARACTER);
            out.writeChar((Character) value);
        } else if (value instanceof JDBCType) {
            out.writeByte(JDBC_TYPE);
            writeString(out, ((JDBCType) value).name());
        } else {
            throw new UnencodableValueException(value.getClass());
        }
    }

    public static Object read(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case NULL: return null;
            case BOOLEAN: return in.readBoolean();
            case BYTE: return in.readByte();
            case SHORT: return in.readShort();
            case INTEGER: return in.readInt();
            case LONG: return in.readLong();
            case FLOAT: return Float.intBitsToFloat(in.readInt());
            case DOUBLE: return Double.longBitsToDouble(in.readLong());
            case BIG_DECIMAL: {
                int scale = in.readInt();
                return new BigDecimal(new BigInteger(readBytes(in)), scale);
            }
            case BIG_INTEGER: return new BigInteger(readBytes(in));
            case STRING: return readString(in);
            case BYTES: return readBytes(in);
            case SQL_DATE: return new java.sql.Date(in.readLong());
            case SQL_TIME: return new java.sql.Time(in.readLong());
            case SQL_TIMESTAMP: {
                java.sql.Timestamp timestamp = new java.sql.Timestamp(in.readLong());
                timestamp.setNanos(in.readInt());
                return timestamp;
            }
            case UTIL_DATE: return new java.util.Date(in.readLong());
            case CALENDAR: {
                Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone(readString(in)));
                calendar.setTimeInMillis(in.readLong());
                return calendar;
            }
            case LOCAL_DATE: return LocalDate.ofEpochDay(in.readLong());
            case LOCAL_TIME: return LocalTime.ofNanoOfDay(in.readLong());
            case LOCAL_DATE_TIME: return readLocalDateTime(in);
            case OFFSET_DATE_TIME: return OffsetDateTime.of(readLocalDateTime(in), ZoneOffset.ofTotalSeconds(in.readInt()));
            case OFFSET_TIME: return OffsetTime.of(LocalTime.ofNanoOfDay(in.readLong()), ZoneOffset.ofTotalSeconds(in.readInt()));
            case INSTANT: return Instant.ofEpochSecond(in.readLong(), in.readInt());
            case ZONED_DATE_TIME: {
                LocalDateTime local = readLocalDateTime(in);
                ZoneOffset offset = ZoneOffset.ofTotalSeconds(in.readInt());
                return ZonedDateTime.ofLocal(local, ZoneId.of(readString(in)), offset);
            }
            case UUID_VALUE: return new UUID(in.readLong(), in.readLong());
            case CHARACTER: return in.readChar();
            case JDBC_TYPE: return JDBCType.valueOf(readString(in));
            default: throw new IOException("unknown value tag " + tag + ": the record is damaged or from a newer version");
        }
    }

    private static void writeLocalDateTime(DataOutputStream out, LocalDateTime value) throws IOException {
        out.writeLong(value.toLocalDate().toEpochDay());
        out.writeLong(value.toLocalTime().toNanoOfDay());
    }

    private static LocalDateTime readLocalDateTime(DataInputStream in) throws IOException {
        return LocalDateTime.of(LocalDate.ofEpochDay(in.readLong()), LocalTime.ofNanoOfDay(in.readLong()));
    }

    static void writeString(DataOutputStream out, String value) throws IOException {
        writeBytes(out, value.getBytes(StandardCharsets.UTF_8));
    }

    static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    /** A count of items that follow, each at least one byte long: a damaged count fails instead of allocating. */
    static int readCount(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > in.available()) {
            throw new IOException("a count of " + count + " does not fit the record: the record is damaged");
        }
        return count;
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("a length of " + length + " does not fit the record: the record is damaged");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
