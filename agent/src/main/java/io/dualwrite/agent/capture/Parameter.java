package io.dualwrite.agent.capture;

import java.io.ByteArrayInputStream;
import java.io.CharArrayReader;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Calendar;

/**
 * One bound value as the application set it: the setter and its arguments, copied where the application
 * could still change them (arrays, dates, calendars) and with streams held as their content, so the same
 * value can be bound on the secondary, as often as needed.
 */
public final class Parameter {

    private final Setter setter;
    private final Object[] args;
    private final String unreplayable;

    private Parameter(Setter setter, Object[] args, String unreplayable) {
        this.setter = setter;
        this.args = args;
        this.unreplayable = unreplayable;
    }

    /** A value the mirror cannot send to the secondary; binding it fails the write with {@code reason}. */
    static Parameter unreplayable(int index, String reason) {
        return new Parameter(null, new Object[] {index}, reason);
    }

    /** Captures {@code args} (index first) as passed to {@code setter}; takes ownership of the array. */
    static Parameter capture(Setter setter, Object[] args) {
        for (int i = 1; i < args.length; i++) {
            args[i] = snapshot(args[i]);
            if (args[i] instanceof java.io.InputStream || args[i] instanceof java.io.Reader) {
                return unreplayable((Integer) args[0], "the stream given to " + setter.name() + " could not be read");
            }
        }
        return new Parameter(setter, args, null);
    }

    private static Object snapshot(Object value) {
        if (value instanceof byte[]) {
            return ((byte[]) value).clone();
        }
        if (value instanceof java.util.Date) {
            return ((java.util.Date) value).clone();
        }
        if (value instanceof Calendar) {
            return ((Calendar) value).clone();
        }
        if (value instanceof ReplayableInputStream) {
            return new BytesContent(((ReplayableInputStream) value).content());
        }
        if (value instanceof ReplayableReader) {
            return new CharsContent(((ReplayableReader) value).content());
        }
        return value;
    }

    /** The setter, or null for an unreplayable value. */
    public Setter setter() {
        return setter;
    }

    public int index() {
        return (Integer) args[0];
    }

    /** The value, as captured (stream content as {@code byte[]} or {@code char[]}). */
    public Object value() {
        Object value = args[1];
        if (value instanceof BytesContent) {
            return ((BytesContent) value).bytes.clone();
        }
        if (value instanceof CharsContent) {
            return ((CharsContent) value).chars.clone();
        }
        return value;
    }

    /** Binds this value on a statement of the secondary, with fresh streams for stream content. */
    public void bind(PreparedStatement statement) throws SQLException {
        if (unreplayable != null) {
            throw new SQLFeatureNotSupportedException("parameter " + args[0] + ": " + unreplayable, "0A000");
        }
        Object[] call = args.clone();
        for (int i = 1; i < call.length; i++) {
            if (call[i] instanceof BytesContent) {
                call[i] = new ByteArrayInputStream(((BytesContent) call[i]).bytes);
            } else if (call[i] instanceof CharsContent) {
                call[i] = new CharArrayReader(((CharsContent) call[i]).chars);
            }
        }
        setter.invoke(statement, call);
    }

    @Override
    public String toString() {
        return unreplayable != null ? "unreplayable(" + args[0] + ")" : setter.name() + "(" + args[0] + ", <value>)";
    }

    private static final class BytesContent {
        final byte[] bytes;

        BytesContent(byte[] bytes) {
            this.bytes = bytes;
        }
    }

    private static final class CharsContent {
        final char[] chars;

        CharsContent(char[] chars) {
            this.chars = chars;
        }
    }
}
