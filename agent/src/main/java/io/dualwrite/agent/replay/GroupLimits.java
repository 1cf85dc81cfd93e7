package io.dualwrite.agent.replay;

/**
 * How much of the journal replay (or of the async queue) applies in one transaction on the secondary: at most so many records, holding
 * at most so many rows (or SQL texts of plain statements). One commit, and one round trip per run of writes with
 * the same SQL, then serve many records; the bound keeps the secondary's transaction, and the work repeated
 * when a group fails and its records are applied one by one, small.
 */
public final class GroupLimits {

    /** Measured in docs/benchmarks.md: larger groups gain little, smaller ones lose much of the gain. */
    public static final GroupLimits DEFAULT = new GroupLimits(200, 2_000);

    /**
     * A group's records stay in memory until it is committed, in the application's JVM when the agent replays:
     * rows of large values must not make that the size of 2,000 rows.
     */
    static final int MAX_BYTES = 4 << 20;

    private final int records;
    private final int entries;

    /** {@code records} 1: every record in a transaction of its own, as replay was before groups. */
    public GroupLimits(int records, int entries) {
        if (records < 1 || entries < 1) {
            throw new IllegalArgumentException("group limits must be at least 1: " + records + " records, " + entries
                    + " rows");
        }
        this.records = records;
        this.entries = entries;
    }

    @Override
    public String toString() {
        return records + " records, " + entries + " rows";
    }

    /** Whether a group of {@code records} holding {@code entries} in records of {@code bytes} is within the limits. */
    public boolean admits(int records, int entries, long bytes) {
        return records <= this.records && entries <= this.entries && bytes <= MAX_BYTES;
    }
}
