package io.dualwrite.agent.journal;

import java.nio.file.Path;

/** A stretch of one segment a cursor reads: from a record boundary to an offset every byte before is on disk. */
final class ReadRange {

    final Path path;
    final long segmentFirstSequence;
    final long startSequence;
    final long startOffset;
    final long endOffset;

    ReadRange(Path path, long segmentFirstSequence, long startSequence, long startOffset, long endOffset) {
        this.path = path;
        this.segmentFirstSequence = segmentFirstSequence;
        this.startSequence = startSequence;
        this.startOffset = startOffset;
        this.endOffset = endOffset;
    }
}
