package io.dualwrite.agent.journal;

import java.util.Objects;

/** How a journal writes: immutable, changed through withers starting from {@link #defaults()}. */
public final class JournalOptions {

    public static final long DEFAULT_SEGMENT_BYTES = 64L * 1024 * 1024;
    /** Small enough for tests that want many segments, large enough for a header and a few records. */
    public static final long MIN_SEGMENT_BYTES = 4 * 1024;
    public static final long DEFAULT_GROUP_COMMIT_MILLIS = 2;

    private static final JournalOptions DEFAULTS = new JournalOptions(FsyncMode.BATCH, DEFAULT_SEGMENT_BYTES,
            DEFAULT_GROUP_COMMIT_MILLIS, SegmentOutput.FILES);

    private final FsyncMode fsync;
    private final long segmentBytes;
    private final long groupCommitMillis;
    private final SegmentOutput.Opener outputs;

    private JournalOptions(FsyncMode fsync, long segmentBytes, long groupCommitMillis, SegmentOutput.Opener outputs) {
        this.fsync = fsync;
        this.segmentBytes = segmentBytes;
        this.groupCommitMillis = groupCommitMillis;
        this.outputs = outputs;
    }

    /** BATCH, 64 MiB segments, 2 ms group commit. */
    public static JournalOptions defaults() {
        return DEFAULTS;
    }

    public JournalOptions withFsync(FsyncMode mode) {
        return new JournalOptions(Objects.requireNonNull(mode, "fsync"), segmentBytes, groupCommitMillis, outputs);
    }

    /**
     * A segment is closed and the next one started when a record would take it past this size; a record
     * larger than this gets a segment of its own.
     */
    public JournalOptions withSegmentBytes(long bytes) {
        if (bytes < MIN_SEGMENT_BYTES) {
            throw new IllegalArgumentException("segment size " + bytes + " is below the minimum of " + MIN_SEGMENT_BYTES
                    + " bytes");
        }
        return new JournalOptions(fsync, bytes, groupCommitMillis, outputs);
    }

    /**
     * With BATCH, the longest the flusher gathers appends before one fsync (see {@link FsyncMode#BATCH}); 0 fsyncs
     * as soon as it is free, still sharing each fsync among the appends that arrived during the one before.
     */
    public JournalOptions withGroupCommitMillis(long millis) {
        if (millis < 0 || millis > 10_000) {
            throw new IllegalArgumentException("group commit of " + millis + " ms is outside 0..10000");
        }
        return new JournalOptions(fsync, segmentBytes, millis, outputs);
    }

    /** Tests replace the files appends are written to, to inject write and fsync failures. */
    JournalOptions withOutputs(SegmentOutput.Opener opener) {
        return new JournalOptions(fsync, segmentBytes, groupCommitMillis, Objects.requireNonNull(opener));
    }

    public FsyncMode fsync() {
        return fsync;
    }

    public long segmentBytes() {
        return segmentBytes;
    }

    public long groupCommitMillis() {
        return groupCommitMillis;
    }

    SegmentOutput.Opener outputs() {
        return outputs;
    }

    @Override
    public String toString() {
        return "fsync=" + fsync + " segment-bytes=" + segmentBytes + " group-commit-ms=" + groupCommitMillis;
    }
}
