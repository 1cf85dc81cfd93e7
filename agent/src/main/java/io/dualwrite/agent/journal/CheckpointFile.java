package io.dualwrite.agent.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The sequence up to which every record has been replayed, in a file of its own, big-endian:
 * magic "DWCP" (4), version (2), reserved (2), sequence (8), CRC32C of the 16 bytes before (4).
 * It is replaced whole: written under a temporary name, fsynced, renamed over the old one, directory fsynced;
 * a crash leaves either the old checkpoint or the new one.
 */
final class CheckpointFile {

    static final String NAME = "checkpoint";
    static final String TEMPORARY_NAME = "checkpoint.tmp";
    private static final int MAGIC = 0x44574350;
    private static final int VERSION = 1;
    private static final int BYTES = 20;

    private final OwnerOnlyFiles files;
    private final Path file;
    private final Path temporary;

    CheckpointFile(OwnerOnlyFiles files) {
        this.files = files;
        this.file = files.directory().resolve(NAME);
        this.temporary = files.directory().resolve(TEMPORARY_NAME);
    }

    Path path() {
        return file;
    }

    /** 0 when no checkpoint was ever written. */
    long read() throws IOException, DamageException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException none) {
            return 0;
        }
        if (bytes.length != BYTES) {
            throw new DamageException(DamageKind.CHECKPOINT_UNREADABLE, 0, "the file has " + bytes.length
                    + " bytes, a checkpoint has " + BYTES);
        }
        if (RecordFrame.getInt(bytes, 0) != MAGIC) {
            throw new DamageException(DamageKind.CHECKPOINT_UNREADABLE, 0, "bad magic");
        }
        int version = (bytes[4] & 0xff) << 8 | (bytes[5] & 0xff);
        if (version != VERSION) {
            throw new IOException("journal checkpoint " + file + " has format version " + version + ", this dualwrite "
                    + "reads version " + VERSION + " only");
        }
        if (RecordFrame.getInt(bytes, 16) != crc(bytes)) {
            throw new DamageException(DamageKind.CHECKPOINT_UNREADABLE, 0, "CRC mismatch");
        }
        long sequence = RecordFrame.getLong(bytes, 8);
        if (sequence < 0) {
            throw new DamageException(DamageKind.CHECKPOINT_UNREADABLE, 8, "negative sequence " + sequence);
        }
        return sequence;
    }

    void write(long sequence) throws IOException {
        byte[] bytes = new byte[BYTES];
        RecordFrame.putInt(bytes, 0, MAGIC);
        bytes[5] = VERSION;
        RecordFrame.putLong(bytes, 8, sequence);
        RecordFrame.putInt(bytes, 16, crc(bytes));
        try {
            Uninterruptible.run(() -> {
                Files.deleteIfExists(temporary);
                files.createFile(temporary);
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    ByteBuffer source = ByteBuffer.wrap(bytes);
                    while (source.hasRemaining()) {
                        channel.write(source);
                    }
                    channel.force(false);
                }
            });
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IOException("cannot write journal checkpoint " + file + ": " + e.getMessage(), e);
        }
        files.syncDirectory();
    }

    private static int crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, 16);
        return (int) crc.getValue();
    }
}
