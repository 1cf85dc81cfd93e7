package io.dualwrite.agent.reconcile;

/** What a backfill of one table did in this run. */
public final class BackfillCounts {

    long read;
    long copied;
    /** Rows read by earlier runs, when this one resumed from their checkpoint. */
    long readBefore;
    String resumedAfter;
    boolean alreadyDone;
    String checkpointFile;

    public long read() {
        return read;
    }

    public long copied() {
        return copied;
    }

    /** Rows read that the secondary had already (written there by the dual writes, or by an earlier run). */
    public long alreadyThere() {
        return read - copied;
    }

    public long readBefore() {
        return readBefore;
    }

    /** The key this run resumed after, as people read it; null when it started from the beginning. */
    public String resumedAfter() {
        return resumedAfter;
    }

    /** Whether an earlier run had finished the table, so this one copied nothing. */
    public boolean alreadyDone() {
        return alreadyDone;
    }

    public String checkpointFile() {
        return checkpointFile;
    }
}
