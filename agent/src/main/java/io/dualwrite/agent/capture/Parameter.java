package io.dualwrite.agent.capture;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Calendar;

/**
 * One bound value as the application set it: the setter and its arguments, copied where the application
 * could still change them (arrays, dates, calendars), so the same value can be bound on the secondary, as
 * often as needed.
 */
public final class Parameter {

    private static final Setter SET_OBJECT = Setter.named("setObject", int.class, Object.class);

    private final Setter setter;
    private final Object[] args;
    private final String unreplayable;

    private Parameter(Setter setter, Object[] args, String unreplayable) {
        this.setter = setter;
        this.args = args;
        this.unreplayable = unreplayable;
    }

    /** A value the mirror cannot send to the secondary; binding it fails the write with {@code reason}. */
    public static Parameter unreplayable(int index, String reason) {
        return new Parameter(null, new Object[] {index}, reason);
    }

    /** Captures {@code args} (index first) as passed to {@code setter}; takes ownership of the array. */
    static Parameter capture(Setter setter, Object[] args) {
        for (int i = 1; i < args.length; i++) {
            Object value = args[i];
            if (value instanceof java.io.InputStream || value instanceof java.io.Reader) {
                return unreplayable((Integer) args[0], "the stream given to " + setter.name() + " could not be read");
            }
            args[i] = snapshot(value);
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
        return value;
    }

    /** A constant bound with {@code setObject} at {@code index}: a value the mapping gives every row. */
    public static Parameter constant(int index, Object value) {
        return new Parameter(SET_OBJECT, new Object[] {index, value}, null);
    }

    /** The same value bound at another placeholder: where a rewritten statement has it. */
    public Parameter at(int index) {
        if (args[0] instanceof Integer && (Integer) args[0] == index) {
            return this;
        }
        Object[] moved = args.clone();
        moved[0] = index;
        return new Parameter(setter, moved, unreplayable);
    }

    /** A value read back from storage, where it was kept exactly as captured. */
    public static Parameter restore(Setter setter, Object[] args) {
        return new Parameter(setter, args, null);
    }

    /** The setter, or null for an unreplayable value. */
    public Setter setter() {
        return setter;
    }

    /** The value as captured (the second argument of the setter). */
    public Object value() {
        return args.length > 1 ? args[1] : null;
    }

    /** The setter's arguments, index first (a copy). */
    public Object[] arguments() {
        return args.clone();
    }

    /** Why this value cannot be sent to the secondary, or null when it can. */
    public String unreplayableReason() {
        return unreplayable;
    }

    /** Binds this value on a statement of the secondary. */
    public void bind(PreparedStatement statement) throws SQLException {
        if (unreplayable != null) {
            throw new SQLFeatureNotSupportedException("parameter " + args[0] + ": " + unreplayable, "0A000");
        }
        setter.invoke(statement, args.clone());
    }

    @Override
    public String toString() {
        return unreplayable != null ? "unreplayable(" + args[0] + ")" : setter.name() + "(" + args[0] + ", <value>)";
    }
}
