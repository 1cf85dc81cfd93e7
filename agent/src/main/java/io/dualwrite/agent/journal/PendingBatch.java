package io.dualwrite.agent.journal;

import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Records framed and waiting to be written, in sequence order, with the places where a new segment starts.
 * Appenders fill one under the append lock while the flusher writes the other.
 */
final class PendingBatch {

    private static final int INITIAL_BYTES = 64 * 1024;
    /** A batch that grew for a large record gives its memory back once written. */
    private static final int RETAINED_BYTES = 4 * 1024 * 1024;

    private byte[] bytes = new byte[INITIAL_BYTES];
    private int length;
    private int records;
    private long lastSequence;
    private long firstAppendNanos;
    private int[] rotationOffsets = new int[2];
    private long[] rotationSequences = new long[2];
    private int rotations;
    private CommitTicket ticket = new CommitTicket();

    void add(long sequence, long timestampMillis, byte[] payload, CRC32C payloadCrc) {
        int frame = RecordFrame.size(payload.length);
        if (bytes.length - length < frame) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8,
                    Math.max((long) bytes.length * 2, (long) length + frame)));
        }
        RecordFrame.encode(bytes, length, sequence, timestampMillis, payload, payloadCrc);
        if (records == 0) {
            firstAppendNanos = System.nanoTime();
        }
        length += frame;
        records++;
        lastSequence = sequence;
    }

    /** The records added from now on go to a new segment starting at {@code firstSequence}. */
    void startSegment(long firstSequence) {
        if (rotations == rotationOffsets.length) {
            rotationOffsets = Arrays.copyOf(rotationOffsets, rotations * 2);
            rotationSequences = Arrays.copyOf(rotationSequences, rotations * 2);
        }
        rotationOffsets[rotations] = length;
        rotationSequences[rotations] = firstSequence;
        rotations++;
    }

    boolean isEmpty() {
        return records == 0;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    long lastSequence() {
        return lastSequence;
    }

    long firstAppendNanos() {
        return firstAppendNanos;
    }

    int segmentStarts() {
        return rotations;
    }

    int segmentStartOffset(int i) {
        return rotationOffsets[i];
    }

    long segmentStartSequence(int i) {
        return rotationSequences[i];
    }

    CommitTicket ticket() {
        return ticket;
    }

    /** Empties the batch for reuse, with a new ticket: the old one belongs to the appenders it served. */
    void recycle() {
        length = 0;
        records = 0;
        rotations = 0;
        ticket = new CommitTicket();
        if (bytes.length > RETAINED_BYTES) {
            bytes = new byte[INITIAL_BYTES];
        }
    }
}
