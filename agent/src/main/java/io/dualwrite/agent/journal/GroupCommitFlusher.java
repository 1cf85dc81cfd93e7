package io.dualwrite.agent.journal;

/**
 * The BATCH fsync loop: waits until the pending batch is due (see {@link JournalWriter#awaitDueBatch}), then
 * writes and fsyncs it at once and wakes its appenders. Appends arriving during the write or the fsync
 * gather in the next batch. Once the journal is closed it flushes what is left and ends.
 */
final class GroupCommitFlusher implements Runnable {

    private final JournalWriter writer;
    private final long windowNanos;

    GroupCommitFlusher(JournalWriter writer, long windowNanos) {
        this.writer = writer;
        this.windowNanos = windowNanos;
    }

    @Override
    public void run() {
        try {
            while (writer.awaitDueBatch(windowNanos)) {
                writer.flushBatch();
            }
        } catch (Throwable unexpected) {
            writer.flusherStopped(unexpected);
        }
    }
}
