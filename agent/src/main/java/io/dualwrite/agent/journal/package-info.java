/**
 * The journal: an append-only, crash-safe log of opaque records that could not be mirrored, kept on disk
 * until they are replayed. {@link io.dualwrite.agent.journal.Journal} is the entry point.
 *
 * <p>On disk, a directory (0700) of files (0600): segments named by the sequence of their first record
 * (a header as in {@code SegmentHeader}, then records framed as in {@code RecordFrame}), a {@code checkpoint}
 * ({@code CheckpointFile}), a {@code journal.lock}, and {@code *.damaged} files holding whatever recovery
 * would not trust.
 *
 * <p>Classes by job: appending ({@code JournalWriter}, batches in {@code PendingBatch}, files in
 * {@code SegmentWriter}, group commit in {@code GroupCommitFlusher}); reading ({@code SegmentReader},
 * {@code PendingCursor}, the in-memory {@code SegmentCatalog}); opening ({@code Recovery},
 * {@code Quarantine}).
 */
package io.dualwrite.agent.journal;
