package io.dualwrite.agent.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The start of every segment file, big-endian:
 * <pre>
 *  0  4 bytes  magic "DWJL"
 *  4  short    format version
 *  6  short    reserved, 0
 *  8  long     sequence of the segment's first record
 * 16  int      CRC32C of bytes 0..15
 * </pre>
 * Magic and version stay where they are in every future version, so a reader knows a foreign file from a
 * newer one. The first sequence survives a segment that holds no record yet, so numbering goes on after
 * every earlier segment has been checkpointed and deleted.
 */
final class SegmentHeader {

    static final int BYTES = 20;
    static final int MAGIC = 0x44574A4C;
    static final int VERSION = 1;

    private SegmentHeader() {
    }

    static byte[] encode(long firstSequence) {
        byte[] header = new byte[BYTES];
        RecordFrame.putInt(header, 0, MAGIC);
        header[4] = 0;
        header[5] = VERSION;
        RecordFrame.putLong(header, 8, firstSequence);
        RecordFrame.putInt(header, 16, crc(header));
        return header;
    }

    /**
     * The first sequence the header declares. A damaged header throws {@link DamageException}; a header of a
     * newer format throws a plain IOException, because moving a newer agent's journal aside would hide
     * records that are sound.
     */
    static long read(FileChannel channel, Path file) throws IOException, DamageException {
        long size = channel.size();
        if (size < BYTES) {
            throw new DamageException(DamageKind.TORN_SEGMENT_HEADER, 0, "the file has " + size + " bytes, a segment "
                    + "header needs " + BYTES);
        }
        byte[] header = new byte[BYTES];
        ByteBuffer target = ByteBuffer.wrap(header);
        while (target.hasRemaining()) {
            if (channel.read(target, target.position()) < 0) {
                throw new DamageException(DamageKind.TORN_SEGMENT_HEADER, 0, "the file ended inside its header");
            }
        }
        int magic = RecordFrame.getInt(header, 0);
        if (magic != MAGIC) {
            throw new DamageException(DamageKind.BAD_MAGIC, 0, String.format("magic 0x%08x, expected 0x%08x", magic,
                    MAGIC));
        }
        int version = (header[4] & 0xff) << 8 | (header[5] & 0xff);
        if (version != VERSION) {
            throw new IOException("journal segment " + file + " has format version " + version + ", this dualwrite "
                    + "reads version " + VERSION + " only: open it with the dualwrite that wrote it, or move the "
                    + "journal directory away");
        }
        int stored = RecordFrame.getInt(header, 16);
        if (stored != crc(header)) {
            throw new DamageException(DamageKind.CRC_MISMATCH, 0, "segment header CRC mismatch");
        }
        return RecordFrame.getLong(header, 8);
    }

    private static int crc(byte[] header) {
        CRC32C crc = new CRC32C();
        crc.update(header, 0, 16);
        return (int) crc.getValue();
    }
}
