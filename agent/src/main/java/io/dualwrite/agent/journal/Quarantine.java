package io.dualwrite.agent.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Moves bytes the journal no longer trusts into {@code .damaged} files beside it, so that nothing is
 * destroyed: an operator may still get records out of them by hand.
 */
final class Quarantine {

    static final String SUFFIX = ".damaged";

    private final OwnerOnlyFiles files;

    Quarantine(OwnerOnlyFiles files) {
        this.files = files;
    }

    /**
     * Copies the file's bytes from {@code offset} on into a new {@code .damaged} file and only then cuts the
     * file there: a crash in between finds the damage again and copies it again.
     */
    Path moveTail(Path file, long offset) throws IOException {
        Path target = unusedName(file, ".at-" + offset);
        try {
            files.createFile(target);
            try (FileChannel source = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                    FileChannel copy = FileChannel.open(target, StandardOpenOption.WRITE)) {
                long size = source.size();
                long position = offset;
                while (position < size) {
                    long moved = source.transferTo(position, size - position, copy);
                    if (moved <= 0) {
                        throw new IOException("copy stopped at offset " + position + " of " + size);
                    }
                    position += moved;
                }
                copy.force(false);
                files.syncDirectory();
                source.truncate(offset);
                source.force(false);
            }
        } catch (IOException e) {
            throw new IOException("cannot move the damaged tail of journal segment " + file + " (from offset " + offset
                    + ") to " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    /** Renames a whole file to a {@code .damaged} name. */
    Path moveWhole(Path file) throws IOException {
        Path target = unusedName(file, "");
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IOException("cannot move damaged journal file " + file + " to " + target + ": " + e.getMessage(), e);
        }
        files.syncDirectory();
        return target;
    }

    private static Path unusedName(Path file, String middle) {
        String base = file.getFileName() + middle;
        Path candidate = file.resolveSibling(base + SUFFIX);
        for (int n = 1; Files.exists(candidate); n++) {
            candidate = file.resolveSibling(base + "." + n + SUFFIX);
        }
        return candidate;
    }
}
