package io.dualwrite.agent.journal;

/**
 * The last record readers may see: written, and fsynced unless the journal runs without fsync. Readers stop
 * there, because bytes beyond it may still be on their way to the file.
 */
final class Watermark {

    /** The record's sequence; with no record on disk, the one before the next to be appended. */
    final long sequence;
    /** First sequence of the segment holding that record; -1 when no record is on disk. */
    final long segmentFirstSequence;
    /** Offset just past that record in its segment. */
    final long endOffset;

    Watermark(long sequence, long segmentFirstSequence, long endOffset) {
        this.sequence = sequence;
        this.segmentFirstSequence = segmentFirstSequence;
        this.endOffset = endOffset;
    }
}
