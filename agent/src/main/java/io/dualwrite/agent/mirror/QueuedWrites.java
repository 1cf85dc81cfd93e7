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

    /** The single prepared write of an auto-commit unit, which may join a batch of the same SQL; else null. */
    PreparedWrite batchable() {
        return WriteRuns.batchable(writes);
    }

    /** Whether {@code units}, more than one, are prepared writes of one SQL that may go as one batch. */
    static boolean formOneBatch(List<QueuedWrites> units) {
        if (units.size() < 2) {
            return false;
        }
        for (QueuedWrites unit : units) {
            if (!units.get(0).batchesWith(unit)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code next} may join a batch begun by this unit. */
    boolean batchesWith(QueuedWrites next) {
        PreparedWrite mine = batchable();
        PreparedWrite theirs = next.batchable();
        return mine != null && theirs != null && mine.sql().equals(theirs.sql());
    }
}
