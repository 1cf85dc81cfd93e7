package io.dualwrite.agent.codec;

import io.dualwrite.agent.capture.Parameter;
import io.dualwrite.agent.capture.Setter;
import io.dualwrite.agent.write.MirroredWrite;
import io.dualwrite.agent.write.PreparedWrite;
import io.dualwrite.agent.write.StatementWrite;
import io.dualwrite.agent.write.UncarriedKeysWrite;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of a journal record: {@link UnappliedWrites} with each write's SQL and, for prepared statements,
 * every row of bound values through the setter that bound it. Starts with a format version, so a newer
 * agent's record is recognised, not misread.
 */
public final class WriteCodec {

    private static final byte VERSION = 1;
    private static final byte PREPARED = 1;
    private static final byte STATEMENT = 2;
    /** An INSERT whose generated keys were not carried: its reason, then the write as the primary ran it. */
    private static final byte UNCARRIED_KEYS = 3;
    private static final byte ABSENT = 0;
    private static final byte BOUND = 1;
    private static final byte UNREPLAYABLE = 2;

    private WriteCodec() {
    }

    public static byte[] encode(UnappliedWrites unit) throws UnencodableValueException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            ValueCodec.writeString(out, unit.connection());
            ValueCodec.writeString(out, unit.failure());
            out.writeBoolean(unit.outcomeUnknown());
            out.writeInt(unit.writes().size());
            for (MirroredWrite write : unit.writes()) {
                writeWrite(out, write);
            }
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
        return bytes.toByteArray();
    }

    private static void writeWrite(DataOutputStream out, MirroredWrite write)
            throws IOException, UnencodableValueException {
        if (write instanceof UncarriedKeysWrite) {
            UncarriedKeysWrite uncarried = (UncarriedKeysWrite) write;
            out.writeByte(UNCARRIED_KEYS);
            ValueCodec.writeString(out, uncarried.reason());
            writeWrite(out, uncarried.write());
        } else if (write instanceof PreparedWrite) {
            PreparedWrite prepared = (PreparedWrite) write;
            out.writeByte(PREPARED);
            ValueCodec.writeString(out, prepared.description());
            out.writeBoolean(prepared.isBatch());
            ValueCodec.writeString(out, prepared.sql());
            out.writeInt(prepared.rows().size());
            for (Parameter[] row : prepared.rows()) {
                writeRow(out, row);
            }
        } else {
            StatementWrite statement = (StatementWrite) write;
            out.writeByte(STATEMENT);
            ValueCodec.writeString(out, statement.description());
            out.writeBoolean(statement.isBatch());
            out.writeInt(statement.sqlTexts().size());
            for (String sql : statement.sqlTexts()) {
                ValueCodec.writeString(out, sql);
            }
        }
    }

    private static void writeRow(DataOutputStream out, Parameter[] row) throws IOException, UnencodableValueException {
        out.writeInt(row.length);
        for (Parameter parameter : row) {
            if (parameter == null) {
                out.writeByte(ABSENT);
            } else if (parameter.unreplayableReason() != null) {
                out.writeByte(UNREPLAYABLE);
                out.writeInt((Integer) parameter.arguments()[0]);
                ValueCodec.writeString(out, parameter.unreplayableReason());
            } else {
                out.writeByte(BOUND);
                ValueCodec.writeString(out, parameter.setter().toString());
                Object[] args = parameter.arguments();
                out.writeInt(args.length);
                for (Object arg : args) {
                    ValueCodec.write(out, arg);
                }
            }
        }
    }

    /** Reads a record back; an IOException means it is damaged or from a newer format. */
    public static UnappliedWrites decode(byte[] record) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(record));
        byte version = in.readByte();
        if (version != VERSION) {
            throw new IOException("record format " + version + " is not known to this version (" + VERSION + ")");
        }
        String connection = ValueCodec.readString(in);
        String failure = ValueCodec.readString(in);
        boolean outcomeUnknown = in.readBoolean();
        int count = ValueCodec.readCount(in);
        List<MirroredWrite> writes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            writes.add(readWrite(in));
        }
        return new UnappliedWrites(connection, failure, writes, outcomeUnknown);
    }

    private static MirroredWrite readWrite(DataInputStream in) throws IOException {
        byte kind = in.readByte();
        if (kind == UNCARRIED_KEYS) {
            String reason = ValueCodec.readString(in);
            return new UncarriedKeysWrite(readWrite(in), reason);
        }
        String description = ValueCodec.readString(in);
        boolean batch = in.readBoolean();
        if (kind == PREPARED) {
            String sql = ValueCodec.readString(in);
            int rows = ValueCodec.readCount(in);
            List<Parameter[]> values = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                values.add(readRow(in));
            }
            return new PreparedWrite(sql, description, values, batch);
        }
        if (kind == STATEMENT) {
            int count = ValueCodec.readCount(in);
            List<String> sql = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                sql.add(ValueCodec.readString(in));
            }
            return new StatementWrite(sql, description, batch);
        }
        throw new IOException("unknown write kind " + kind + ": the record is damaged");
    }

    private static Parameter[] readRow(DataInputStream in) throws IOException {
        Parameter[] row = new Parameter[ValueCodec.readCount(in)];
        for (int i = 0; i < row.length; i++) {
            byte state = in.readByte();
            if (state == UNREPLAYABLE) {
                row[i] = Parameter.unreplayable(in.readInt(), ValueCodec.readString(in));
            } else if (state == BOUND) {
                String key = ValueCodec.readString(in);
                Setter setter = Setter.forKey(key);
                if (setter == null) {
                    throw new IOException("unknown setter " + key + ": the record is damaged");
                }
                Object[] args = new Object[ValueCodec.readCount(in)];
                for (int a = 0; a < args.length; a++) {
                    args[a] = ValueCodec.read(in);
                }
                row[i] = Parameter.restore(setter, args);
            } else if (state != ABSENT) {
                throw new IOException("unknown parameter state " + state + ": the record is damaged");
            }
        }
        return row;
    }
}
