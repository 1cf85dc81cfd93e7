package io.dualwrite.agent.mirror;

import io.dualwrite.agent.write.MirroredWrite;
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
}
