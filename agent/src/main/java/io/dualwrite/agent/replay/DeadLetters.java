package io.dualwrite.agent.replay;

import io.dualwrite.agent.codec.JsonRecord;
import io.dualwrite.agent.codec.UnappliedWrites;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Records replay gave up on for a permanent reason, one JSON line each with that reason, appended to a file
 * only its owner may read, since it holds the application's values. Nothing in it is applied again by replay:
 * a person decides, and the reconciliation commands can repair what it names.
 */
public final class DeadLetters {

    private final Path file;

    public DeadLetters(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /**
     * Appends writes the live mirror found the secondary refusing for good: they skip the journal, since
     * replaying them would fail the same way and hold up every write behind them.
     */
    public void addRefused(UnappliedWrites unit, String reason) throws IOException {
        add(0, System.currentTimeMillis(), unit, reason);
    }

    synchronized void add(long sequence, long timestampMillis, UnappliedWrites unit, String reason)
            throws IOException {
        if (!Files.exists(file) && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            out.write(JsonRecord.render(sequence, timestampMillis, unit, "dead-letter-reason", reason));
            out.write('\n');
        }
    }

    /** A record whose bytes could not be read back: kept as its sequence and reason, since there is no unit. */
    void addUnreadable(long sequence, long timestampMillis, String reason) throws IOException {
        add(sequence, timestampMillis, new UnappliedWrites("unknown", "unreadable record", java.util.List.of()), reason);
    }
}
