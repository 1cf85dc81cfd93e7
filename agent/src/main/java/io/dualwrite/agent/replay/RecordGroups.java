package io.dualwrite.agent.replay;

import io.dualwrite.agent.journal.JournalCursor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the pending records as groups to apply in one transaction, in order: consecutive records within the
 * limits. A record that may not share a transaction, or is bigger than a group, is a group of its own. Memory
 * holds one group and the record read after it.
 */
final class RecordGroups implements AutoCloseable {

    private final JournalCursor cursor;
    private final GroupLimits limits;
    /** Read from the cursor, not yet in a group. */
    private PendingRecord ahead;

    RecordGroups(JournalCursor cursor, GroupLimits limits) {
        this.cursor = cursor;
        this.limits = limits;
    }

    /** The next group; empty when no record is left. */
    List<PendingRecord> next() throws IOException {
        List<PendingRecord> group = new ArrayList<>();
        PendingRecord first = take();
        if (first == null) {
            return group;
        }
        group.add(first);
        int entries = first.entries;
        long bytes = first.bytes;
        while (first.groupable && peek() != null && ahead.groupable
                && limits.admits(group.size() + 1, entries + ahead.entries, bytes + ahead.bytes)) {
            entries += ahead.entries;
            bytes += ahead.bytes;
            group.add(take());
        }
        return group;
    }

    private PendingRecord peek() throws IOException {
        if (ahead == null && cursor.next()) {
            ahead = PendingRecord.at(cursor);
        }
        return ahead;
    }

    private PendingRecord take() throws IOException {
        PendingRecord record = peek();
        ahead = null;
        return record;
    }

    @Override
    public void close() {
        cursor.close();
    }
}
