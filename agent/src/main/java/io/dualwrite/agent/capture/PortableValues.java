package io.dualwrite.agent.capture;

import io.dualwrite.bootstrap.CallDepth;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;

/**
 * Turns values that only the primary's driver can read into their content, bound through the plain setter
 * for that content: LOB handles and XML belong to the primary's connection, and streams are bound as bytes
 * or text, because drivers differ in which stream overloads they implement (PostgreSQL's lacks several).
 */
final class PortableValues {

    private static final Setter SET_BYTES = Setter.named("setBytes", int.class, byte[].class);
    private static final Setter SET_STRING = Setter.named("setString", int.class, String.class);

    private PortableValues() {
    }

    /**
     * The JDK's value classes that implement no interface checked below, matched exactly: each {@code instanceof}
     * against an interface the class lacks costs a scan of its interfaces, about 12 ns on JDK 17, for each of
     * the six checks and for each bound value (measured in {@code ParameterCaptureBenchmark}).
     */
    private static boolean isPlainValue(Class<?> type) {
        return type == String.class || type == Long.class || type == Integer.class || type == BigDecimal.class
                || type == Timestamp.class || type == Boolean.class || type == Double.class || type == Date.class
                || type == Short.class || type == Float.class || type == Time.class || type == byte[].class;
    }

    static Parameter capture(Setter setter, Object[] args) {
        int index = (Integer) args[0];
        Object value = args.length > 1 ? args[1] : null;
        if (value == null || isPlainValue(value.getClass())) {
            return Parameter.capture(setter, args);
        }
        if (value instanceof ReplayableInputStream) {
            return streamContent(setter, index, ((ReplayableInputStream) value).content());
        }
        if (value instanceof ReplayableReader) {
            return Parameter.capture(SET_STRING, new Object[] {index, new String(((ReplayableReader) value).content())});
        }
        if (!(value instanceof Blob || value instanceof Clob || value instanceof SQLXML || value instanceof Array
                || value instanceof Ref || value instanceof RowId)) {
            return Parameter.capture(setter, args);
        }
        CallDepth.suppress();
        try {
            if (value instanceof Blob) {
                Blob blob = (Blob) value;
                return Parameter.capture(SET_BYTES, new Object[] {index, blob.getBytes(1, (int) blob.length())});
            }
            if (value instanceof Clob) {
                Clob clob = (Clob) value;
                return Parameter.capture(SET_STRING, new Object[] {index, clob.getSubString(1, (int) clob.length())});
            }
            if (value instanceof SQLXML) {
                return Parameter.capture(SET_STRING, new Object[] {index, ((SQLXML) value).getString()});
            }
            return Parameter.unreplayable(index, "a " + value.getClass().getSimpleName()
                    + " belongs to the primary's connection and cannot be sent to the secondary");
        } catch (SQLException | RuntimeException e) {
            return Parameter.unreplayable(index, "the " + setter.name() + " value could not be read ("
                    + e.getClass().getSimpleName() + ")");
        } finally {
            CallDepth.unsuppress();
        }
    }

    /** An ASCII or (UTF-8) Unicode stream is text; every other stream is binary. */
    private static Parameter streamContent(Setter setter, int index, byte[] content) {
        switch (setter.name()) {
            case "setAsciiStream":
                return Parameter.capture(SET_STRING, new Object[] {index, new String(content, StandardCharsets.US_ASCII)});
            case "setUnicodeStream":
                return Parameter.capture(SET_STRING, new Object[] {index, new String(content, StandardCharsets.UTF_8)});
            default:
                return Parameter.capture(SET_BYTES, new Object[] {index, content});
        }
    }
}
