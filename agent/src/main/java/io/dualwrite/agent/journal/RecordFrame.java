package io.dualwrite.agent.journal;

import java.util.zip.CRC32C;

/**
 * One record as stored, big-endian:
 * <pre>
 *  0  int   payload length
 *  4  int   CRC32C of the payload, then of header bytes 0..3 and 8..23
 *  8  long  sequence
 * 16  long  append time, epoch milliseconds
 * 24  the payload
 * </pre>
 * The length comes first so that a torn write shows as a short header or a length past the end of the file.
 * The CRC covers length, sequence and time as well as the payload, so a flipped bit anywhere in a record is
 * caught. The payload is summed first because appenders compute that part before they take the lock that
 * hands out sequence numbers.
 */
final class RecordFrame {

    static final int HEADER_BYTES = 24;
    /** Far above any JDBC write worth mirroring; bounds what a corrupt length can make a reader allocate. */
    static final int MAX_PAYLOAD_BYTES = 256 * 1024 * 1024;

    private RecordFrame() {
    }

    static int size(int payloadLength) {
        return HEADER_BYTES + payloadLength;
    }

    /** Writes the frame at {@code at}; {@code payloadCrc} has been fed the payload and nothing else. */
    static void encode(byte[] target, int at, long sequence, long timestampMillis, byte[] payload, CRC32C payloadCrc) {
        putInt(target, at, payload.length);
        putLong(target, at + 8, sequence);
        putLong(target, at + 16, timestampMillis);
        putInt(target, at + 4, finish(payloadCrc, target, at));
        System.arraycopy(payload, 0, target, at + HEADER_BYTES, payload.length);
    }

    /** Completes a CRC fed with a payload by the header fields it covers. */
    static int finish(CRC32C payloadCrc, byte[] header, int at) {
        payloadCrc.update(header, at, 4);
        payloadCrc.update(header, at + 8, 16);
        return (int) payloadCrc.getValue();
    }

    static int length(byte[] header) {
        return getInt(header, 0);
    }

    static int storedCrc(byte[] header) {
        return getInt(header, 4);
    }

    static long sequence(byte[] header) {
        return getLong(header, 8);
    }

    static long timestampMillis(byte[] header) {
        return getLong(header, 16);
    }

    static void putInt(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 24);
        b[at + 1] = (byte) (value >>> 16);
        b[at + 2] = (byte) (value >>> 8);
        b[at + 3] = (byte) value;
    }

    static void putLong(byte[] b, int at, long value) {
        putInt(b, at, (int) (value >>> 32));
        putInt(b, at + 4, (int) value);
    }

    static int getInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    static long getLong(byte[] b, int at) {
        return (long) getInt(b, at) << 32 | (getInt(b, at + 4) & 0xffffffffL);
    }
}
