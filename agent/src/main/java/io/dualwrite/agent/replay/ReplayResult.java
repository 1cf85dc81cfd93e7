package io.dualwrite.agent.replay;

/**
 * What one replay did: records (and the writes they hold) applied and dead-lettered, and why it stopped
 * early, if it did.
 */
public final class ReplayResult {

    private final long applied;
    private final long appliedWrites;
    private final long alreadyApplied;
    private final long deadLettered;
    private final long deadLetteredWrites;
    private final String stoppedBecause;

    ReplayResult(long applied, long appliedWrites, long alreadyApplied, long deadLettered, long deadLetteredWrites,
            String stoppedBecause) {
        this.applied = applied;
        this.appliedWrites = appliedWrites;
        this.alreadyApplied = alreadyApplied;
        this.deadLettered = deadLettered;
        this.deadLetteredWrites = deadLetteredWrites;
        this.stoppedBecause = stoppedBecause;
    }

    /** Records applied. */
    public long applied() {
        return applied;
    }

    /** Writes (statements or batches) in the records applied. */
    public long appliedWrites() {
        return appliedWrites;
    }

    /**
     * Of the records applied, those found already on the secondary: their earlier attempt's outcome was
     * unknown, and their first write now met a duplicate key.
     */
    public long alreadyApplied() {
        return alreadyApplied;
    }

    /** Records dead-lettered. */
    public long deadLettered() {
        return deadLettered;
    }

    /** Writes in the records dead-lettered; an unreadable record counts none. */
    public long deadLetteredWrites() {
        return deadLetteredWrites;
    }

    /** Null when every pending record was handled. */
    public String stoppedBecause() {
        return stoppedBecause;
    }

    /** The command line's exit code: 0 all applied, 1 some dead-lettered, 2 stopped by an error. */
    public int exitCode() {
        if (stoppedBecause != null) {
            return 2;
        }
        return deadLettered > 0 ? 1 : 0;
    }
}
