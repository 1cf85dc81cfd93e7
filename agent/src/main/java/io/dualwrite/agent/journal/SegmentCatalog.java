package io.dualwrite.agent.journal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The segments of a journal in record order, as appended: ahead of the disk by whatever waits for the next
 * group commit. Appenders change it under the journal's append lock; readers take consistent views here.
 */
final class SegmentCatalog {

    private final List<SegmentInfo> segments;

    SegmentCatalog(List<SegmentInfo> recovered) {
        this.segments = new ArrayList<>(recovered);
    }

    synchronized void startSegment(Path path, long firstSequence) {
        segments.add(new SegmentInfo(path, firstSequence));
    }

    synchronized void recordAppended(long sequence, long offset, int bytes) {
        segments.get(segments.size() - 1).recordAppended(sequence, offset, bytes);
    }

    synchronized int count() {
        return segments.size();
    }

    /** Where to read the records from {@code from} up to the watermark, segment by segment. */
    synchronized List<ReadRange> readPlan(long from, Watermark written) {
        List<ReadRange> plan = new ArrayList<>();
        if (from > written.sequence) {
            return plan;
        }
        for (SegmentInfo segment : segments) {
            if (segment.firstSequence > written.sequence) {
                break;
            }
            if (!segment.hasRecords() || segment.lastSequence() < from) {
                continue;
            }
            boolean holdsWatermark = segment.firstSequence == written.segmentFirstSequence;
            long[] start = segment.indexedAtOrBefore(Math.max(from, segment.firstSequence));
            plan.add(new ReadRange(segment.path, segment.firstSequence, start[0], start[1],
                    holdsWatermark ? written.endOffset : segment.size()));
            if (holdsWatermark) {
                break;
            }
        }
        return plan;
    }

    /**
     * Record bytes from {@code offset} of the segment starting at {@code segmentFirstSequence} to the end of
     * the journal, as appended.
     */
    synchronized long bytesFrom(long segmentFirstSequence, long offset) {
        long bytes = 0;
        for (SegmentInfo segment : segments) {
            if (segment.firstSequence == segmentFirstSequence) {
                bytes += Math.max(0, segment.size() - offset);
            } else if (segment.firstSequence > segmentFirstSequence) {
                bytes += segment.size() - SegmentHeader.BYTES;
            }
        }
        return bytes;
    }

    /** Takes out the leading segments whose records are all at or below the checkpoint; never the last one. */
    synchronized List<Path> removeThrough(long checkpoint) {
        List<Path> removed = new ArrayList<>();
        while (segments.size() > 1 && segments.get(0).lastSequence() <= checkpoint) {
            removed.add(segments.remove(0).path);
        }
        return removed;
    }
}
