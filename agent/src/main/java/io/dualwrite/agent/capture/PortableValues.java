package io.dualwrite.agent.capture;

import io.dualwrite.bootstrap.CallDepth;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;

/**
 * Turns values that belong to the primary's connection (LOB handles, XML) into their content, bound through
 * the setter for that content, since the secondary's driver cannot read another driver's objects.
 */
final class PortableValues {

    private static final Setter SET_BYTES = Setter.named("setBytes", int.class, byte[].class);
    private static final Setter SET_STRING = Setter.named("setString", int.class, String.class);
    private static final Setter SET_NSTRING = Setter.named("setNString", int.class, String.class);

    private PortableValues() {
    }

    static Parameter capture(Setter setter, Object[] args) {
        int index = (Integer) args[0];
        Object value = args.length > 1 ? args[1] : null;
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
                String text = clob.getSubString(1, (int) clob.length());
                return Parameter.capture(value instanceof NClob ? SET_NSTRING : SET_STRING, new Object[] {index, text});
            }
            if (value instanceof SQLXML) {
                return Parameter.capture(SET_STRING, new Object[] {index, ((SQLXML) value).getString()});
            }
            return Parameter.unreplayable(index, "a " + value.getClass().getSimpleName()
                    + " belongs to the primary's connection and cannot be sent to the secondary");
        } catch (SQLException | RuntimeException e) {
            return Parameter.unreplayable(index, "the " + setter.name() + " value could not be read (" + e.getClass().getSimpleName() + ")");
        } finally {
            CallDepth.unsuppress();
        }
    }
}
