package io.dualwrite.agent.replay;

import io.dualwrite.agent.codec.UnappliedWrites;
import io.dualwrite.agent.codec.WriteCodec;
import io.dualwrite.agent.journal.JournalCursor;
import io.dualwrite.agent.write.WriteRuns;
import java.io.IOException;

/** One journal record as replay reads it: its writes, or why they cannot be read. */
final class PendingRecord {

    final long sequence;
    final long timestampMillis;
    /** Null when the record cannot be read. */
    final UnappliedWrites unit;
    final String unreadable;
    final int entries;
    /** The record's size in the journal, about what it holds in memory. */
    final int bytes;
    /** Whether the record may share a transaction with others: it can be read, and only changes data. */
    final boolean groupable;

    private PendingRecord(long sequence, long timestampMillis, int bytes, UnappliedWrites unit, String unreadable) {
        this.sequence = sequence;
        this.timestampMillis = timestampMillis;
        this.bytes = bytes;
        this.unit = unit;
        this.unreadable = unreadable;
        this.entries = unit == null ? 0 : WriteRuns.entries(unit.writes());
        this.groupable = unit != null && WriteRuns.changesDataOnly(unit.writes());
    }

    /** The record at the cursor. */
    static PendingRecord at(JournalCursor cursor) {
        byte[] payload = cursor.payload();
        try {
            return new PendingRecord(cursor.sequence(), cursor.timestampMillis(), payload.length,
                    WriteCodec.decode(payload), null);
        } catch (IOException unreadable) {
            return new PendingRecord(cursor.sequence(), cursor.timestampMillis(), payload.length, null,
                    unreadable.getMessage());
        }
    }
}
