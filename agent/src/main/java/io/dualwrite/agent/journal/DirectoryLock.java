package io.dualwrite.agent.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a second journal, in this process or another, from writing the same directory: two writers would
 * interleave their records and hand out the same sequence numbers. The default directory is relative, so
 * two applications started from one working directory would otherwise share it.
 */
final class DirectoryLock implements Closeable {

    static final String NAME = "journal.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DirectoryLock acquire(OwnerOnlyFiles files) throws IOException {
        Path file = files.directory().resolve(NAME);
        try {
            files.createFile(file);
        } catch (FileAlreadyExistsException usual) {
            files.restrict(file);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new JournalInUseException("journal " + files.directory() + " is in use by another process ("
                        + file + " is locked)", null);
            }
            return new DirectoryLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw new JournalInUseException("journal " + files.directory() + " is already open in this process", e);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
