package io.dualwrite.agent.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes batches to the segment files, starting new segments where a batch says, and fsyncs. Used by one
 * thread at a time: the appender holding the append lock, or the group-commit flusher.
 */
final class SegmentWriter {

    private final OwnerOnlyFiles files;
    private final SegmentOutput.Opener opener;
    private final boolean durable;
    private final AtomicLong fsyncs = new AtomicLong();
    private SegmentOutput output;
    private Path file;
    private long firstSequence;
    private long position;

    /** Continues the segment {@code file}, whose whole records end at {@code size}. */
    SegmentWriter(OwnerOnlyFiles files, SegmentOutput.Opener opener, boolean durable, Path file, long firstSequence,
            long size) throws IOException {
        this.files = files;
        this.opener = opener;
        this.durable = durable;
        this.file = file;
        this.firstSequence = firstSequence;
        this.position = size;
        this.output = opener.open(file, size);
    }

    /** Writes the batch, fsyncs it if the journal is durable, and says where its last record ends. */
    Watermark write(PendingBatch batch) throws IOException {
        int from = 0;
        for (int i = 0; i < batch.segmentStarts(); i++) {
            int at = batch.segmentStartOffset(i);
            writeRegion(batch.bytes(), from, at - from);
            startSegment(batch.segmentStartSequence(i));
            from = at;
        }
        writeRegion(batch.bytes(), from, batch.length() - from);
        if (durable) {
            force();
        }
        return new Watermark(batch.lastSequence(), firstSequence, position);
    }

    private void writeRegion(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return;
        }
        try {
            output.write(bytes, offset, length);
        } catch (IOException e) {
            IOException failure = new IOException("cannot write " + length + " bytes to journal segment " + file
                    + " at offset " + position + ": " + e.getMessage(), e);
            try {
                output.truncate(position);
            } catch (IOException | RuntimeException notUndone) {
                failure.addSuppressed(notUndone);
            }
            throw failure;
        }
        position += length;
    }

    private void force() throws IOException {
        try {
            output.force();
        } catch (IOException e) {
            throw new IOException("cannot fsync journal segment " + file + ": " + e.getMessage(), e);
        }
        fsyncs.incrementAndGet();
    }

    private void startSegment(long nextFirstSequence) throws IOException {
        if (durable) {
            force();
        }
        closeOutput();
        file = SegmentFiles.create(files, nextFirstSequence, durable);
        output = opener.open(file, SegmentHeader.BYTES);
        firstSequence = nextFirstSequence;
        position = SegmentHeader.BYTES;
    }

    private void closeOutput() throws IOException {
        try {
            output.close();
        } catch (IOException e) {
            throw new IOException("cannot close journal segment " + file + ": " + e.getMessage(), e);
        }
    }

    long fsyncs() {
        return fsyncs.get();
    }

    /** Fsyncs unless told the journal failed (then what was written stays for recovery to judge), and closes. */
    void close(boolean force) throws IOException {
        try {
            if (force) {
                force();
            }
        } finally {
            closeOutput();
        }
    }
}
