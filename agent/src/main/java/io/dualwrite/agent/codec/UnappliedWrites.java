package io.dualwrite.agent.codec;

import io.dualwrite.agent.write.MirroredWrite;
import java.util.List;

/**
 * Writes the primary has and the secondary does not: one auto-commit write, or every write of one committed
 * transaction, kept together with where they came from and why they failed, so they can be replayed as the
 * unit they were.
 */
public final class UnappliedWrites {

    private final String connection;
    private final String failure;
    private final List<MirroredWrite> writes;
    private final boolean outcomeUnknown;

    public UnappliedWrites(String connection, String failure, List<MirroredWrite> writes) {
        this(connection, failure, writes, false);
    }

    /** @param outcomeUnknown the secondary may have them after all (see {@link #outcomeUnknown()}) */
    public UnappliedWrites(String connection, String failure, List<MirroredWrite> writes, boolean outcomeUnknown) {
        this.connection = connection;
        this.failure = failure;
        this.writes = List.copyOf(writes);
        this.outcomeUnknown = outcomeUnknown;
    }

    /** Which application connection issued the writes (an identifier, not a URL). */
    public String connection() {
        return connection;
    }

    /** Why they could not be applied: SQL state and exception class, never values. */
    public String failure() {
        return failure;
    }

    public List<MirroredWrite> writes() {
        return writes;
    }

    /**
     * Whether the secondary may have these writes after all: the connection was lost while it was committing
     * them, so a replay that finds the first of them already there takes them as applied.
     */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }

    public boolean isTransaction() {
        return writes.size() > 1;
    }
}
