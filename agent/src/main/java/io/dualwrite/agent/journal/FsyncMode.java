package io.dualwrite.agent.journal;

/** When the bytes of an append are forced to the disk. {@link Journal#close()} forces them in every mode. */
public enum FsyncMode {
    /** Each append writes and fsyncs its own record before it returns: one fsync per append. */
    ALWAYS,
    /**
     * Group commit: an append returns once an fsync that covers it has completed, and one fsync serves every
     * append that arrived while the flusher gathered them. The flusher gathers for at most
     * {@link JournalOptions#groupCommitMillis()} after the first append of a batch, and stops as soon as the
     * batch holds as many appends as the one before it, so that a steady load of appenders is not held up by
     * the window but shares each fsync, and a lone append waits at most the window.
     */
    BATCH,
    /**
     * No fsync while appending. An append hands its bytes to the operating system before it returns, so a
     * killed process loses nothing, but a power loss or kernel crash may lose what the OS had not yet written.
     */
    NEVER
}
