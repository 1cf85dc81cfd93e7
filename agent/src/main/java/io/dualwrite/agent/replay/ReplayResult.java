package io.dualwrite.agent.replay;

/** What one replay did: records applied, dead-lettered, and why it stopped early, if it did. */
public final class ReplayResult {

    private final long applied;
    private final long deadLettered;
    private final String stoppedBecause;

    ReplayResult(long applied, long deadLettered, String stoppedBecause) {
        this.applied = applied;
        this.deadLettered = deadLettered;
        this.stoppedBecause = stoppedBecause;
    }

    public long applied() {
        return applied;
    }

    public long deadLettered() {
        return deadLettered;
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
