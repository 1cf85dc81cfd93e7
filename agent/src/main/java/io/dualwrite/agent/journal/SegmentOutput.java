package io.dualwrite.agent.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/** Where the appends of one segment go. Tests substitute one that fails like a full or broken disk. */
interface SegmentOutput extends Closeable {

    interface Opener {
        /** Opens an existing segment for writing at {@code position}. */
        SegmentOutput open(Path file, long position) throws IOException;
    }

    Opener FILES = FileSegmentOutput::new;

    void write(byte[] bytes, int offset, int length) throws IOException;

    /** fsync of the data written so far. */
    void force() throws IOException;

    /** Cuts what a failed write may have left, so the file ends at a whole record. */
    void truncate(long size) throws IOException;
}
