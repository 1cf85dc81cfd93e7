package io.dualwrite.agent.journal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Reads the records of one segment between two offsets, through a fixed buffer, and stops at the first one
 * that is not whole, not intact, or not the sequence expected: {@link #damage()} then says what and where.
 * Without payloads kept (recovery) it only checks them, so memory stays the buffer's whatever the records.
 */
final class SegmentReader {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final FileChannel channel;
    private final Path file;
    private final long end;
    private final boolean keepPayloads;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private final byte[] header = new byte[RecordFrame.HEADER_BYTES];
    private final CRC32C crc = new CRC32C();
    private long bufferOffset;
    private int bufferPosition;
    private int bufferLimit;
    private long position;
    private long expectedSequence;

    private long sequence;
    private long timestampMillis;
    private long recordOffset;
    private int recordBytes;
    private byte[] payload;
    private DamageException damage;

    SegmentReader(FileChannel channel, Path file, long start, long end, long expectedSequence, boolean keepPayloads) {
        this.channel = channel;
        this.file = file;
        this.end = end;
        this.keepPayloads = keepPayloads;
        this.bufferOffset = start;
        this.position = start;
        this.expectedSequence = expectedSequence;
    }

    /** True with the next whole record read; false at the end offset or at damage. */
    boolean next() throws IOException {
        if (damage != null || position >= end) {
            return false;
        }
        long remaining = end - position;
        if (remaining < RecordFrame.HEADER_BYTES) {
            return damaged(DamageKind.TORN_RECORD_HEADER, remaining + " bytes left, a record header needs "
                    + RecordFrame.HEADER_BYTES);
        }
        readFully(header, 0, RecordFrame.HEADER_BYTES);
        int length = RecordFrame.length(header);
        if (length < 0 || length > RecordFrame.MAX_PAYLOAD_BYTES) {
            return damaged(DamageKind.BAD_LENGTH, "length " + length);
        }
        long room = remaining - RecordFrame.HEADER_BYTES;
        if (length > room) {
            return damaged(DamageKind.LENGTH_PAST_END, "length " + length + " with " + room + " bytes left");
        }
        crc.reset();
        byte[] body = null;
        if (keepPayloads) {
            body = new byte[length];
            readFully(body, 0, length);
            crc.update(body, 0, length);
        } else {
            sumWithoutKeeping(length);
        }
        int computed = RecordFrame.finish(crc, header, 0);
        int stored = RecordFrame.storedCrc(header);
        if (computed != stored) {
            return damaged(DamageKind.CRC_MISMATCH, String.format("stored 0x%08x, computed 0x%08x", stored, computed));
        }
        long found = RecordFrame.sequence(header);
        if (found != expectedSequence) {
            return damaged(DamageKind.SEQUENCE_GAP, "sequence " + found);
        }
        sequence = found;
        timestampMillis = RecordFrame.timestampMillis(header);
        recordOffset = position;
        recordBytes = RecordFrame.size(length);
        payload = body;
        position += recordBytes;
        expectedSequence++;
        return true;
    }

    private boolean damaged(DamageKind kind, String detail) {
        damage = new DamageException(kind, position, "where record " + expectedSequence + " was expected: " + detail);
        return false;
    }

    /** Null while every record read so far was whole. */
    DamageException damage() {
        return damage;
    }

    long sequence() {
        return sequence;
    }

    long timestampMillis() {
        return timestampMillis;
    }

    long recordOffset() {
        return recordOffset;
    }

    int recordBytes() {
        return recordBytes;
    }

    byte[] payload() {
        return payload;
    }

    private void readFully(byte[] target, int at, int length) throws IOException {
        while (length > 0) {
            if (bufferPosition == bufferLimit) {
                if (length >= buffer.length) {
                    readAround(target, at, length);
                    return;
                }
                fill();
            }
            int n = Math.min(bufferLimit - bufferPosition, length);
            System.arraycopy(buffer, bufferPosition, target, at, n);
            bufferPosition += n;
            at += n;
            length -= n;
        }
    }

    /** Reads a large payload straight into its array, not through the buffer. */
    private void readAround(byte[] target, int at, int length) throws IOException {
        long from = bufferOffset + bufferLimit;
        ByteBuffer into = ByteBuffer.wrap(target, at, length);
        while (into.hasRemaining()) {
            if (channel.read(into, from + into.position() - at) < 0) {
                throw endedEarly(from + into.position() - at);
            }
        }
        bufferOffset = from + length;
        bufferPosition = 0;
        bufferLimit = 0;
    }

    private void sumWithoutKeeping(int length) throws IOException {
        while (length > 0) {
            if (bufferPosition == bufferLimit) {
                fill();
            }
            int n = Math.min(bufferLimit - bufferPosition, length);
            crc.update(buffer, bufferPosition, n);
            bufferPosition += n;
            length -= n;
        }
    }

    private void fill() throws IOException {
        bufferOffset += bufferLimit;
        bufferPosition = 0;
        bufferLimit = 0;
        int wanted = (int) Math.min(buffer.length, end - bufferOffset);
        ByteBuffer into = ByteBuffer.wrap(buffer, 0, wanted);
        while (into.hasRemaining() && channel.read(into, bufferOffset + into.position()) >= 0) {
            // a read may return fewer bytes than asked; the file ending early is told below
        }
        bufferLimit = into.position();
        if (bufferLimit == 0) {
            throw endedEarly(bufferOffset);
        }
    }

    private EOFException endedEarly(long offset) {
        return new EOFException("journal segment " + file + " ends at offset " + offset + ", before the " + end
                + " bytes it held when the journal read it");
    }
}
