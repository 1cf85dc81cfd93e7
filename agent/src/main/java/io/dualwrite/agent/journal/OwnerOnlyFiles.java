package io.dualwrite.agent.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates the journal's directory and files readable by their owner only (0700 and 0600): journaled writes
 * hold the application's data (and so do the shadow reads' mismatch logs). Where the file system has no POSIX
 * permissions, files are created plainly.
 */
public final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private final Path directory;
    private final boolean posix;

    private OwnerOnlyFiles(Path directory, boolean posix) {
        this.directory = directory;
        this.posix = posix;
    }

    /** Creates the directory (and its parents) if missing, and takes group and other permissions off it. */
    public static OwnerOnlyFiles prepare(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Path parent = directory.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            boolean posixParent = parent == null || supportsPosix(parent);
            try {
                if (posixParent) {
                    Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
                } else {
                    Files.createDirectory(directory);
                }
            } catch (FileAlreadyExistsException raced) {
                if (!Files.isDirectory(directory)) {
                    throw new IOException("journal directory " + directory + " exists and is not a directory", raced);
                }
            }
        }
        OwnerOnlyFiles files = new OwnerOnlyFiles(directory, supportsPosix(directory));
        files.restrict(directory, DIRECTORY);
        return files;
    }

    private static boolean supportsPosix(Path path) throws IOException {
        return Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class);
    }

    public Path directory() {
        return directory;
    }

    /** A new, empty file, 0600 from the start so that no other user can open it in between. */
    public void createFile(Path file) throws IOException {
        if (posix) {
            FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(FILE);
            Files.createFile(file, ownerOnly);
        } else {
            Files.createFile(file);
        }
    }

    /** Tightens a file left by an earlier version or copied in with wider permissions. */
    public void restrict(Path file) throws IOException {
        restrict(file, FILE);
    }

    private void restrict(Path path, Set<PosixFilePermission> wanted) throws IOException {
        if (posix && !Files.getPosixFilePermissions(path).equals(wanted)) {
            Files.setPosixFilePermissions(path, wanted);
        }
    }

    /** Makes creations, renames and deletions in the directory durable. */
    public void syncDirectory() throws IOException {
        try {
            Uninterruptible.run(() -> {
                try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
                    channel.force(true);
                }
            });
        } catch (IOException e) {
            if (posix) {
                throw new IOException("cannot fsync journal directory " + directory + ": " + e.getMessage(), e);
            }
            // file systems without POSIX semantics (Windows) cannot open a directory; their renames are durable
        }
    }
}
