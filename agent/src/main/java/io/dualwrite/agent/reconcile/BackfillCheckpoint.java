package io.dualwrite.agent.reconcile;

import io.dualwrite.agent.codec.UnencodableValueException;
import io.dualwrite.agent.codec.ValueCodec;
import io.dualwrite.agent.journal.OwnerOnlyFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32C;

/**
 * Where a table's backfill got to: the key of the last row copied and committed, the rows read so far, and
 * whether it finished; for the pair of databases it was written for. One small file per table, readable by its
 * owner only (a key is data), replaced whole (temporary file, fsync, rename), so a crash leaves the old one or
 * the new one: at worst the last chunk is read again, and its rows are skipped as already there.
 */
final class BackfillCheckpoint {

    private static final int MAGIC = 0x44574246;
    private static final int VERSION = 1;

    private final OwnerOnlyFiles files;
    private final Path file;
    private final Path temporary;
    private final String databases;
    private String writtenFor;

    Object[] lastKey;
    long rowsRead;
    boolean done;

    private BackfillCheckpoint(OwnerOnlyFiles files, String table, String databases) {
        this.files = files;
        String safe = table.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        this.file = files.directory().resolve(safe + ".checkpoint");
        this.temporary = files.directory().resolve(safe + ".checkpoint.tmp");
        this.databases = databases;
    }

    /**
     * An empty checkpoint for the table, replacing whatever file was there without reading it: {@code --restart},
     * which the errors of {@link #read} advise, must work for a damaged checkpoint or one of other databases too.
     */
    static BackfillCheckpoint restart(Path directory, String table, String databases) throws IOException {
        BackfillCheckpoint checkpoint = new BackfillCheckpoint(OwnerOnlyFiles.prepare(directory), table, databases);
        checkpoint.clear();
        return checkpoint;
    }

    /**
     * The table's checkpoint, empty when there is none.
     *
     * @param databases names the primary and the secondary (without secrets): a checkpoint of another pair is refused
     * @throws IOException when the file is damaged or belongs to other databases (the message says what to do)
     */
    static BackfillCheckpoint read(Path directory, String table, String databases) throws IOException {
        BackfillCheckpoint checkpoint = new BackfillCheckpoint(OwnerOnlyFiles.prepare(directory), table, databases);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(checkpoint.file);
        } catch (NoSuchFileException none) {
            return checkpoint;
        }
        try {
            checkpoint.decode(bytes);
        } catch (IOException | RuntimeException damaged) {
            throw new IOException("the backfill checkpoint " + checkpoint.file + " cannot be read (" + damaged.getMessage()
                    + "); --restart copies the table from its start (rows already there are skipped)");
        }
        if (!databases.equals(checkpoint.writtenFor)) {
            throw new IOException("the backfill checkpoint " + checkpoint.file + " was written for " + checkpoint.writtenFor
                    + ", not " + databases + "; --restart copies the table from its start, or give another journal.dir");
        }
        return checkpoint;
    }

    private void decode(byte[] bytes) throws IOException {
        if (bytes.length < 12) {
            throw new IOException("it is " + bytes.length + " bytes long");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        if ((int) crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt()) {
            throw new IOException("its checksum does not match");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 4));
        if (in.readInt() != MAGIC) {
            throw new IOException("it is not a backfill checkpoint");
        }
        int version = in.readUnsignedShort();
        if (version != VERSION) {
            throw new IOException("format version " + version + ", this dualwrite reads " + VERSION);
        }
        writtenFor = in.readUTF();
        in.readUTF();
        rowsRead = in.readLong();
        done = in.readBoolean();
        int keySize = in.readUnsignedShort();
        lastKey = keySize == 0 ? null : new Object[keySize];
        for (int i = 0; i < keySize; i++) {
            lastKey[i] = ValueCodec.read(in);
        }
    }

    Path file() {
        return file;
    }

    /** Forgets the table's progress: it is copied from its start. */
    void clear() throws IOException {
        lastKey = null;
        rowsRead = 0;
        done = false;
        Files.deleteIfExists(file);
    }

    void write(String table) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MAGIC);
        out.writeShort(VERSION);
        out.writeUTF(databases);
        out.writeUTF(table);
        out.writeLong(rowsRead);
        out.writeBoolean(done);
        out.writeShort(lastKey == null ? 0 : lastKey.length);
        try {
            for (Object value : lastKey == null ? new Object[0] : lastKey) {
                ValueCodec.write(out, value);
            }
        } catch (UnencodableValueException e) {
            throw new IOException("table " + table + ": its key cannot be kept in a checkpoint (" + e.getMessage()
                    + ")", e);
        }
        byte[] body = bytes.toByteArray();
        CRC32C crc = new CRC32C();
        crc.update(body);
        byte[] whole = Arrays.copyOf(body, body.length + 4);
        ByteBuffer.wrap(whole, body.length, 4).putInt((int) crc.getValue());
        Files.deleteIfExists(temporary);
        files.createFile(temporary);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(whole));
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        files.syncDirectory();
    }
}
