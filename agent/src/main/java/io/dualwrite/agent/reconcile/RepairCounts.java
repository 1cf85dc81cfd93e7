package io.dualwrite.agent.reconcile;

/** What a repair of one table did (or, in a dry run, would do). */
public final class RepairCounts {

    long inserted;
    long updated;
    long deleted;
    /** Keys found different whose rows were equal (or both gone) when re-read under lock: nothing to do. */
    long unchanged;
    /** Repaired keys still different when read again afterwards. */
    long stillDifferent;

    public long inserted() {
        return inserted;
    }

    public long updated() {
        return updated;
    }

    public long deleted() {
        return deleted;
    }

    public long unchanged() {
        return unchanged;
    }

    public long stillDifferent() {
        return stillDifferent;
    }
}
