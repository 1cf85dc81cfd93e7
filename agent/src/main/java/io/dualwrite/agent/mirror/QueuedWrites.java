package io.dualwrite.agent.mirror;

import io.dualwrite.agent.write.MirroredWrite;
import io.dualwrite.agent.write.PreparedWrite;
import io.dualwrite.agent.write.WriteRuns;
import java.util.List;

/** Writes waiting in the async queue: one auto-commit write or a committed transaction, and since when. */
final class QueuedWrites {

    final String origin;
    final List<MirroredWrite> writes;
    final long enqueuedNanos;

    QueuedWrites(String origin, List<MirroredWrite> writes, long enqueuedNanos) {
        this.origin = origin;
        this.writes = writes;
        this.enqueuedNanos = enqueuedNanos;
    }

    /** Whether {@code next} may join a batch begun by this unit. */
    boolean batchesWith(QueuedWrites next) {
        PreparedWrite mine = WriteRuns.batchable(writes);
        PreparedWrite theirs = WriteRuns.batchable(next.writes);
        return mine != null && theirs != null && mine.sql().equals(theirs.sql());
    }
}
