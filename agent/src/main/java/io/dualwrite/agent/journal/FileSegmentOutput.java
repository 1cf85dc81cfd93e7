package io.dualwrite.agent.journal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * Writes through {@link RandomAccessFile}, whose writes no interrupt can abort: appends run on application
 * threads, and an interrupted FileChannel write would close the segment for every other appender.
 * fsync goes through the channel ({@code force(false)}, data only) and opens the file again if an interrupt
 * closed it; the written data sits in the page cache meanwhile, so the fsync through the new descriptor
 * covers it.
 */
final class FileSegmentOutput implements SegmentOutput {

    private final Path file;
    private RandomAccessFile access;
    private long position;

    FileSegmentOutput(Path file, long position) throws IOException {
        this.file = file;
        this.position = position;
        open();
    }

    private void open() throws IOException {
        access = new RandomAccessFile(file.toFile(), "rw");
        access.seek(position);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        access.write(bytes, offset, length);
        position += length;
    }

    @Override
    public void force() throws IOException {
        Uninterruptible.run(() -> {
            if (!access.getChannel().isOpen()) {
                access.close();
                open();
            }
            access.getChannel().force(false);
        });
    }

    @Override
    public void truncate(long size) throws IOException {
        access.setLength(size);
        access.seek(size);
        position = size;
    }

    @Override
    public void close() throws IOException {
        access.close();
    }
}
