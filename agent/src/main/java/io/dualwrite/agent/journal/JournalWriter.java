package io.dualwrite.agent.journal;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32C;

/**
 * The append path. Under one short lock an append takes the next sequence, frames its record into the
 * pending batch and decides segment rotation, so file order is sequence order. Then, by fsync mode:
 * ALWAYS and NEVER write (and ALWAYS fsyncs) the batch before releasing the lock; BATCH leaves it to the
 * {@link GroupCommitFlusher} and waits, without the lock, for the fsync covering its record.
 *
 * <p>A failed write or fsync leaves the files in a state only recovery can judge, so the writer refuses
 * every later append until the journal is opened again.
 */
final class JournalWriter {

    private final ReentrantLock lock = new ReentrantLock();
    /** Signals the flusher: a batch got its first record, or as many as the flusher waits for. */
    private final Condition batchReady = lock.newCondition();
    private final OwnerOnlyFiles files;
    private final FsyncMode mode;
    private final long segmentBytes;
    private final SegmentCatalog catalog;
    private final SegmentWriter segments;
    private final Thread flusher;

    // guarded by lock
    private PendingBatch filling = new PendingBatch();
    private PendingBatch spare = new PendingBatch();
    private long lastSequence;
    private long activeSize;
    private long appends;
    /** Appenders of the last batch flushed: the flusher stops gathering once as many wait again. */
    private int flushAt = 1;
    private IOException failure;
    private boolean closed;

    private volatile long lastSequenceView;
    private volatile long appendsView;
    private volatile Watermark written;

    JournalWriter(OwnerOnlyFiles files, JournalOptions options, SegmentCatalog catalog, SegmentInfo active,
            long lastSequence, Watermark written) throws IOException {
        this.files = files;
        this.mode = options.fsync();
        this.segmentBytes = options.segmentBytes();
        this.catalog = catalog;
        this.segments = new SegmentWriter(files, options.outputs(), mode != FsyncMode.NEVER, active.path,
                active.firstSequence, active.size());
        this.activeSize = active.size();
        this.lastSequence = lastSequence;
        this.lastSequenceView = lastSequence;
        this.written = written;
        if (mode == FsyncMode.BATCH) {
            flusher = new Thread(new GroupCommitFlusher(this, options.groupCommitMillis() * 1_000_000L),
                    "dualwrite-journal-flusher");
            flusher.setDaemon(true);
            flusher.start();
        } else {
            flusher = null;
        }
    }

    long append(byte[] payload) throws IOException {
        checkSize(payload);
        CRC32C crc = new CRC32C();
        crc.update(payload, 0, payload.length);
        CommitTicket ticket;
        long sequence;
        lock.lock();
        try {
            checkWritable();
            sequence = admit(payload, crc);
            ticket = commit();
        } finally {
            lock.unlock();
        }
        if (ticket != null) {
            ticket.await();
        }
        return sequence;
    }

    long appendAll(List<byte[]> payloads) throws IOException {
        if (payloads.isEmpty()) {
            throw new IllegalArgumentException("no record to append");
        }
        CRC32C[] crcs = new CRC32C[payloads.size()];
        for (int i = 0; i < crcs.length; i++) {
            byte[] payload = payloads.get(i);
            checkSize(payload);
            crcs[i] = new CRC32C();
            crcs[i].update(payload, 0, payload.length);
        }
        CommitTicket ticket;
        long first;
        lock.lock();
        try {
            checkWritable();
            first = lastSequence + 1;
            for (int i = 0; i < crcs.length; i++) {
                admit(payloads.get(i), crcs[i]);
            }
            ticket = commit();
        } finally {
            lock.unlock();
        }
        if (ticket != null) {
            ticket.await();
        }
        return first;
    }

    private static void checkSize(byte[] payload) {
        if (payload.length > RecordFrame.MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("a journal record holds at most " + RecordFrame.MAX_PAYLOAD_BYTES
                    + " bytes, not " + payload.length);
        }
    }

    private void checkWritable() throws IOException {
        if (closed) {
            throw new IOException("journal " + files.directory() + " is closed");
        }
        if (failure != null) {
            throw new IOException("journal " + files.directory() + " refuses appends since a write failed ("
                    + failure.getMessage() + "); open it again to recover", failure);
        }
    }

    /** Numbers and frames one record into the filling batch; under the lock. */
    private long admit(byte[] payload, CRC32C crc) {
        long sequence = lastSequence + 1;
        int frame = RecordFrame.size(payload.length);
        if (activeSize > SegmentHeader.BYTES && activeSize + frame > segmentBytes) {
            filling.startSegment(sequence);
            catalog.startSegment(SegmentFiles.path(files.directory(), sequence), sequence);
            activeSize = SegmentHeader.BYTES;
        }
        filling.add(sequence, System.currentTimeMillis(), payload, crc);
        catalog.recordAppended(sequence, activeSize, frame);
        activeSize += frame;
        lastSequence = sequence;
        lastSequenceView = sequence;
        appendsView = ++appends;
        return sequence;
    }

    /** Under the lock: writes the batch now (ALWAYS, NEVER), or hands it to the flusher and says what to wait for. */
    private CommitTicket commit() throws IOException {
        if (mode == FsyncMode.BATCH) {
            CommitTicket ticket = filling.ticket();
            int waiting = ticket.register(Thread.currentThread());
            if (waiting == 1 || waiting >= flushAt) {
                batchReady.signal();
            }
            return ticket;
        }
        try {
            written = segments.write(filling);
        } catch (IOException e) {
            fail(e);
            throw e;
        } finally {
            filling.recycle();
        }
        return null;
    }

    /**
     * For the flusher: waits until the filling batch is due, and false once the journal is closed and flushed.
     * A batch is due when the group-commit window has passed since its first record, or as soon as as many
     * appenders wait for it as waited for the batch before: those that shared the last fsync have all come
     * back, and waiting longer would only add latency.
     */
    boolean awaitDueBatch(long windowNanos) {
        lock.lock();
        try {
            while (filling.isEmpty() && !closed) {
                batchReady.awaitUninterruptibly();
            }
            if (filling.isEmpty()) {
                return false;
            }
            long deadline = filling.firstAppendNanos() + windowNanos;
            long left = deadline - System.nanoTime();
            while (!closed && filling.ticket().waiting() < flushAt && left > 0) {
                try {
                    left = batchReady.awaitNanos(left);
                } catch (InterruptedException nobodyInterruptsTheFlusher) {
                    left = deadline - System.nanoTime();
                }
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** For the flusher: takes the filling batch, writes and fsyncs it outside the lock, wakes its appenders. */
    void flushBatch() {
        PendingBatch batch;
        lock.lock();
        try {
            batch = filling;
            filling = spare;
            spare = null;
            flushAt = Math.max(1, batch.ticket().waiting());
        } finally {
            lock.unlock();
        }
        if (!batch.isEmpty()) {
            try {
                written = segments.write(batch);
                batch.ticket().complete();
            } catch (IOException e) {
                fail(e);
                batch.ticket().fail(e);
            } catch (RuntimeException | Error e) {
                // its appenders were taken out of the filling batch: only this ticket can still wake them
                batch.ticket().fail(new IOException("the journal's flusher failed: " + e, e));
                throw e;
            }
        }
        batch.recycle();
        lock.lock();
        try {
            spare = batch;
        } finally {
            lock.unlock();
        }
    }

    /** The flusher ended by an unexpected error: nothing would wake appenders any more. */
    void flusherStopped(Throwable cause) {
        fail(new IOException("the journal's flusher thread stopped: " + cause, cause));
    }

    private void fail(IOException cause) {
        lock.lock();
        try {
            if (failure == null) {
                failure = cause;
            }
            if (!filling.isEmpty()) {
                filling.ticket().fail(cause);
                filling.recycle();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Writes and fsyncs what is pending, stops the flusher and closes the segment. */
    void close() throws IOException {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            batchReady.signalAll();
        } finally {
            lock.unlock();
        }
        if (flusher != null) {
            boolean interrupted = false;
            while (flusher.isAlive()) {
                try {
                    flusher.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        lock.lock();
        try {
            segments.close(failure == null);
        } finally {
            lock.unlock();
        }
    }

    long lastSequence() {
        return lastSequenceView;
    }

    long appends() {
        return appendsView;
    }

    long fsyncs() {
        return segments.fsyncs();
    }

    boolean failed() {
        lock.lock();
        try {
            return failure != null;
        } finally {
            lock.unlock();
        }
    }

    Watermark written() {
        return written;
    }
}
