package io.dualwrite.agent.journal;

import java.io.IOException;

/**
 * Reads records in sequence order, one at a time, from disk: memory stays bounded by the largest record.
 * Accessors describe the record of the last {@code next()} that returned true.
 */
public interface JournalCursor extends AutoCloseable {

    /**
     * Moves to the next record; false when there is none. Throws when a record that was whole when the journal
     * was opened no longer reads back whole (the disk changed under the journal), naming the file and offset.
     */
    boolean next() throws IOException;

    long sequence();

    /** When the record was appended, epoch milliseconds. */
    long timestampMillis();

    /** The record's bytes; a new array for each record, owned by the caller. */
    byte[] payload();

    @Override
    void close();
}
