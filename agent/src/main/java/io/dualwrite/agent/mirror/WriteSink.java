package io.dualwrite.agent.mirror;

import io.dualwrite.agent.write.MirroredWrite;
import java.sql.SQLException;
import java.util.List;

/** Where the writes the primary has taken go: to the secondary at once (sync) or through a queue (async). */
public interface WriteSink {

    /**
     * Takes writes of {@code origin} (a connection and transaction, for the journal) that the primary has:
     * one auto-commit write, or a committed transaction's writes. Returns null, or the exception the
     * application must see instead of success ({@code on-failure: fail}).
     */
    SQLException apply(String origin, List<MirroredWrite> writes);
}
