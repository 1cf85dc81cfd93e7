package io.dualwrite.agent.journal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Names and creates segment files: {@code segment-<first sequence, 20 digits>.log}, so that the lexical order
 * of the names is the order of the records.
 */
final class SegmentFiles {

    private static final String PREFIX = "segment-";
    private static final String SUFFIX = ".log";
    private static final int DIGITS = 20;
    static final String TEMPORARY_SUFFIX = ".tmp";

    private SegmentFiles() {
    }

    static Path path(Path directory, long firstSequence) {
        String digits = Long.toString(firstSequence);
        StringBuilder name = new StringBuilder(PREFIX.length() + DIGITS + SUFFIX.length()).append(PREFIX);
        for (int i = digits.length(); i < DIGITS; i++) {
            name.append('0');
        }
        return directory.resolve(name.append(digits).append(SUFFIX).toString());
    }

    /** The first sequence a segment's name declares; -1 when the name is not a segment's. */
    static long firstSequenceOf(Path file) {
        String name = file.getFileName().toString();
        if (name.length() != PREFIX.length() + DIGITS + SUFFIX.length() || !name.startsWith(PREFIX)
                || !name.endsWith(SUFFIX)) {
            return -1;
        }
        String digits = name.substring(PREFIX.length(), PREFIX.length() + DIGITS);
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return -1;
            }
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLarge) {
            return -1;
        }
    }

    /** The segments in the directory, in record order. */
    static List<Path> list(Path directory) throws IOException {
        List<Path> segments = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (firstSequenceOf(entry) >= 0 && Files.isRegularFile(entry)) {
                    segments.add(entry);
                }
            }
        }
        segments.sort(Comparator.comparingLong(SegmentFiles::firstSequenceOf));
        return segments;
    }

    static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX + TEMPORARY_SUFFIX);
    }

    /**
     * Creates a segment holding only its header. It is written under a temporary name and renamed, so a
     * crash never leaves a segment with a torn header.
     */
    static Path create(OwnerOnlyFiles files, long firstSequence, boolean durable) throws IOException {
        Path file = path(files.directory(), firstSequence);
        Path temporary = file.resolveSibling(file.getFileName() + TEMPORARY_SUFFIX);
        try {
            Files.deleteIfExists(temporary);
            files.createFile(temporary);
            try (RandomAccessFile access = new RandomAccessFile(temporary.toFile(), "rw")) {
                access.write(SegmentHeader.encode(firstSequence));
                if (durable) {
                    access.getFD().sync();
                }
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IOException("cannot create journal segment " + file + ": " + e.getMessage(), e);
        }
        if (durable) {
            files.syncDirectory();
        }
        return file;
    }
}
