package io.dualwrite.agent.journal;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * One segment as the journal knows it in memory: its records, its size and a sparse index (a record every
 * 128 KiB or so) that lets a reader start near a sequence instead of at the segment's beginning.
 * Guarded by the {@link SegmentCatalog} that holds it.
 */
final class SegmentInfo {

    private static final long INDEX_SPACING = 128 * 1024;

    final Path path;
    final long firstSequence;
    private long lastSequence;
    private long size = SegmentHeader.BYTES;
    private long[] indexSequences = new long[4];
    private long[] indexOffsets = new long[4];
    private int indexed;

    SegmentInfo(Path path, long firstSequence) {
        this.path = path;
        this.firstSequence = firstSequence;
        this.lastSequence = firstSequence - 1;
    }

    void recordAppended(long sequence, long offset, int bytes) {
        if (indexed == 0 || offset - indexOffsets[indexed - 1] >= INDEX_SPACING) {
            if (indexed == indexSequences.length) {
                indexSequences = Arrays.copyOf(indexSequences, indexed * 2);
                indexOffsets = Arrays.copyOf(indexOffsets, indexed * 2);
            }
            indexSequences[indexed] = sequence;
            indexOffsets[indexed] = offset;
            indexed++;
        }
        lastSequence = sequence;
        size = offset + bytes;
    }

    boolean hasRecords() {
        return lastSequence >= firstSequence;
    }

    /** {@code firstSequence - 1} when the segment holds no record. */
    long lastSequence() {
        return lastSequence;
    }

    long size() {
        return size;
    }

    /** Where the last indexed record at or before {@code sequence} starts: {sequence, offset}. */
    long[] indexedAtOrBefore(long sequence) {
        int low = 0;
        int high = indexed - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (indexSequences[middle] <= sequence) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found < 0 ? new long[] {firstSequence, SegmentHeader.BYTES}
                : new long[] {indexSequences[found], indexOffsets[found]};
    }
}
