package io.dualwrite.agent.journal;

/** A snapshot of a journal's backlog and activity. */
public final class JournalStats {

    private final long pendingRecords;
    private final long pendingBytes;
    private final int segments;
    private final long oldestPendingMillis;
    private final long lastSequence;
    private final long checkpointed;
    private final long appends;
    private final long fsyncs;
    private final boolean failed;

    JournalStats(long pendingRecords, long pendingBytes, int segments, long oldestPendingMillis, long lastSequence,
            long checkpointed, long appends, long fsyncs, boolean failed) {
        this.pendingRecords = pendingRecords;
        this.pendingBytes = pendingBytes;
        this.segments = segments;
        this.oldestPendingMillis = oldestPendingMillis;
        this.lastSequence = lastSequence;
        this.checkpointed = checkpointed;
        this.appends = appends;
        this.fsyncs = fsyncs;
        this.failed = failed;
    }

    /** Records after the checkpoint, including appends still waiting for their fsync. */
    public long pendingRecords() {
        return pendingRecords;
    }

    /** Bytes those records take in the segment files, framing included. */
    public long pendingBytes() {
        return pendingBytes;
    }

    public int segments() {
        return segments;
    }

    /** Append time of the first pending record on disk, epoch milliseconds; 0 when there is none. */
    public long oldestPendingMillis() {
        return oldestPendingMillis;
    }

    public long lastSequence() {
        return lastSequence;
    }

    public long checkpointed() {
        return checkpointed;
    }

    /** Records appended since the journal was opened. */
    public long appends() {
        return appends;
    }

    /** Segment fsyncs since the journal was opened (directory fsyncs not counted). */
    public long fsyncs() {
        return fsyncs;
    }

    /** True once a write or fsync failed: the journal refuses appends until it is opened again. */
    public boolean failed() {
        return failed;
    }

    @Override
    public String toString() {
        return "pending=" + pendingRecords + " pending-bytes=" + pendingBytes + " segments=" + segments
                + " oldest-pending-ms=" + oldestPendingMillis + " last=" + lastSequence + " checkpoint="
                + checkpointed + " appends=" + appends + " fsyncs=" + fsyncs + (failed ? " FAILED" : "");
    }
}
