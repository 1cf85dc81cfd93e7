package io.dualwrite.agent.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * An append-only, crash-safe log of opaque records on disk, numbered 1, 2, 3, ... for good: numbering goes on
 * across restarts and never hands out a number of a record that was kept. Records are replayed in order by
 * reading {@link #pending()} and moving the {@link #checkpoint(long)} past what was replayed.
 *
 * <p>A directory holds segment files ({@code segment-<first sequence>.log}), a {@code checkpoint} file, a
 * {@code journal.lock} that keeps a second journal out, and any {@code .damaged} files recovery set aside.
 * Everything is readable by its owner only.
 *
 * <p>Thread safety: {@code append} may be called from any number of threads; records land in the files in
 * sequence order. Other methods may be called at any time from any thread.
 *
 * <p>An append that returned is on disk (fsynced, unless the fsync mode is NEVER). An append that threw may
 * or may not be found after a crash or a failed write: recovery keeps every whole record it finds, so a
 * journal is at-least-once for records whose append failed.
 */
public final class Journal implements AutoCloseable {

    private final OwnerOnlyFiles files;
    private final DirectoryLock lock;
    private final CheckpointFile checkpointFile;
    private final SegmentCatalog catalog;
    private final JournalWriter writer;
    private final RecoveryReport recovery;
    private final Object checkpointLock = new Object();
    private volatile long checkpointed;
    private volatile boolean closed;
    private volatile OldestPending oldestPending;

    private Journal(OwnerOnlyFiles files, DirectoryLock lock, CheckpointFile checkpointFile, Recovered recovered,
            JournalWriter writer) {
        this.files = files;
        this.lock = lock;
        this.checkpointFile = checkpointFile;
        this.catalog = recovered.catalog;
        this.writer = writer;
        this.recovery = recovered.report;
        this.checkpointed = recovered.checkpoint;
    }

    /**
     * Opens the journal in {@code directory}, creating it if needed, and recovers it: see {@link #recovery()}.
     * Fails if another journal, in this process or another, has the directory open.
     */
    public static Journal open(Path directory, JournalOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        OwnerOnlyFiles files = OwnerOnlyFiles.prepare(directory.toAbsolutePath().normalize());
        DirectoryLock lock = DirectoryLock.acquire(files);
        try {
            CheckpointFile checkpointFile = new CheckpointFile(files);
            Recovered recovered = new Recovery(files, checkpointFile).run();
            JournalWriter writer = new JournalWriter(files, options, recovered.catalog, recovered.active,
                    recovered.lastSequence, recovered.written);
            return new Journal(files, lock, checkpointFile, recovered, writer);
        } catch (IOException | RuntimeException | Error e) {
            try {
                lock.close();
            } catch (IOException unlockFailed) {
                e.addSuppressed(unlockFailed);
            }
            throw e;
        }
    }

    /**
     * Appends one record and returns its sequence number once it is written as the fsync mode promises.
     * The payload is copied before this returns. Throws, naming the file and the cause, when the record could
     * not be written or fsynced; the journal then refuses appends until it is opened again.
     */
    public long append(byte[] payload) throws IOException {
        return writer.append(Objects.requireNonNull(payload, "payload"));
    }

    /**
     * Appends records under consecutive sequence numbers, with one wait for all of them, and returns the first
     * number. For a thread that journals many records at once (a queue spilling over).
     */
    public long appendAll(List<byte[]> payloads) throws IOException {
        for (byte[] payload : payloads) {
            Objects.requireNonNull(payload, "payload");
        }
        return writer.appendAll(payloads);
    }

    /**
     * The records after the checkpoint, in order, up to the last record whose append had returned (or was
     * written and fsynced) when this was called. Records appended later are not seen by this cursor; a new
     * call sees them. Reading does not move the checkpoint.
     */
    public JournalCursor pending() throws IOException {
        checkOpen();
        long from = checkpointed + 1;
        return new PendingCursor(catalog.readPlan(from, writer.written()), from);
    }

    /**
     * Records that every record up to {@code sequence} has been replayed, durably, and deletes the segments
     * that hold no later record. A sequence at or below the current checkpoint changes nothing. A sequence
     * past the last record on disk is refused: nothing could have replayed it.
     */
    public void checkpoint(long sequence) throws IOException {
        checkOpen();
        synchronized (checkpointLock) {
            if (sequence <= checkpointed) {
                return;
            }
            long onDisk = writer.written().sequence;
            if (sequence > onDisk) {
                throw new IllegalArgumentException("cannot checkpoint record " + sequence + ": the last record on "
                        + "disk is " + onDisk);
            }
            checkpointFile.write(sequence);
            checkpointed = sequence;
            List<Path> replayed = catalog.removeThrough(sequence);
            for (Path segment : replayed) {
                try {
                    Files.deleteIfExists(segment);
                } catch (IOException e) {
                    throw new IOException("checkpoint " + sequence + " is written but replayed journal segment "
                            + segment + " cannot be deleted: " + e.getMessage(), e);
                }
            }
            if (!replayed.isEmpty()) {
                files.syncDirectory();
            }
        }
    }

    /** Every record up to this one has been replayed; 0 when none has. */
    public long checkpointed() {
        return checkpointed;
    }

    /** The last sequence handed out, including appends still waiting for their fsync. */
    public long lastSequence() {
        return writer.lastSequence();
    }

    public RecoveryReport recovery() {
        return recovery;
    }

    public Path directory() {
        return files.directory();
    }

    public JournalStats stats() {
        long checkpoint = checkpointed;
        long last = writer.lastSequence();
        Watermark written = writer.written();
        long pendingBytes;
        long oldestMillis = 0;
        OldestPending oldest = checkpoint < written.sequence ? oldestPending(checkpoint, written) : null;
        if (oldest != null) {
            pendingBytes = catalog.bytesFrom(oldest.segmentFirstSequence, oldest.offset);
            oldestMillis = oldest.timestampMillis;
        } else if (written.segmentFirstSequence < 0) {
            pendingBytes = catalog.bytesFrom(Long.MIN_VALUE, 0);
        } else {
            pendingBytes = catalog.bytesFrom(written.segmentFirstSequence, written.endOffset);
        }
        return new JournalStats(Math.max(0, last - checkpoint), pendingBytes, catalog.count(), oldestMillis, last,
                checkpoint, writer.appends(), writer.fsyncs(), writer.failed());
    }

    /** Reads where the first pending record is and when it was appended; remembered until the checkpoint moves. */
    private OldestPending oldestPending(long checkpoint, Watermark written) {
        OldestPending known = oldestPending;
        if (known != null && known.checkpoint == checkpoint) {
            return known;
        }
        try (PendingCursor cursor = new PendingCursor(catalog.readPlan(checkpoint + 1, written), checkpoint + 1)) {
            if (!cursor.next()) {
                return null;
            }
            long[] position = cursor.position();
            known = new OldestPending(checkpoint, position[0], position[1], cursor.timestampMillis());
        } catch (IOException unreadable) {
            // statistics stay available while a pending() reader would report the damage
            return null;
        }
        oldestPending = known;
        return known;
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("journal " + files.directory() + " is closed");
        }
    }

    /** Writes and fsyncs what appends left pending, then releases the directory. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writer.close();
        } finally {
            lock.close();
        }
    }

    private static final class OldestPending {
        final long checkpoint;
        final long segmentFirstSequence;
        final long offset;
        final long timestampMillis;

        OldestPending(long checkpoint, long segmentFirstSequence, long offset, long timestampMillis) {
            this.checkpoint = checkpoint;
            this.segmentFirstSequence = segmentFirstSequence;
            this.offset = offset;
            this.timestampMillis = timestampMillis;
        }
    }
}
