package io.dualwrite.agent.config;

import io.dualwrite.agent.journal.FsyncMode;
import io.dualwrite.agent.journal.JournalOptions;
import java.nio.file.Path;
import java.util.Objects;

/** The {@code journal} section: where writes the secondary could not take are kept until replayed. */
public final class JournalConfig {

    public static final String DEFAULT_DIR = "dualwrite-journal";
    public static final int DEFAULT_SEGMENT_SIZE_MB = 64;
    public static final int MAX_SEGMENT_SIZE_MB = 1024;
    public static final int DEFAULT_RETRY_INTERVAL_MS = 1_000;
    public static final int MIN_RETRY_INTERVAL_MS = 50;
    public static final int MAX_RETRY_INTERVAL_MS = 3_600_000;
    /** The dead-letter file's name inside the journal directory. */
    public static final String DEAD_LETTERS_FILE = "dead-letters.jsonl";

    private final Path dir;
    private final FsyncMode fsync;
    private final int segmentSizeMb;
    private final int retryIntervalMs;

    public JournalConfig(Path dir, FsyncMode fsync, int segmentSizeMb, int retryIntervalMs) {
        this.dir = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
        this.fsync = Objects.requireNonNull(fsync, "fsync");
        this.segmentSizeMb = segmentSizeMb;
        this.retryIntervalMs = retryIntervalMs;
    }

    /** The defaults, with the directory {@value #DEFAULT_DIR} in {@code baseDir}. */
    public static JournalConfig defaults(Path baseDir) {
        return new JournalConfig(baseDir.resolve(DEFAULT_DIR), FsyncMode.BATCH, DEFAULT_SEGMENT_SIZE_MB,
                DEFAULT_RETRY_INTERVAL_MS);
    }

    /** The journal's directory, absolute. */
    public Path dir() {
        return dir;
    }

    public FsyncMode fsync() {
        return fsync;
    }

    public int segmentSizeMb() {
        return segmentSizeMb;
    }

    /** How often the secondary is probed while the journal holds records it has not taken. */
    public int retryIntervalMs() {
        return retryIntervalMs;
    }

    /** Where replay puts records the secondary refuses for good. */
    public Path deadLetters() {
        return dir.resolve(DEAD_LETTERS_FILE);
    }

    public JournalOptions options() {
        return JournalOptions.defaults().withFsync(fsync).withSegmentBytes(segmentSizeMb * 1024L * 1024L);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof JournalConfig)) {
            return false;
        }
        JournalConfig other = (JournalConfig) o;
        return dir.equals(other.dir) && fsync == other.fsync && segmentSizeMb == other.segmentSizeMb
                && retryIntervalMs == other.retryIntervalMs;
    }

    @Override
    public int hashCode() {
        return Objects.hash(dir, fsync, segmentSizeMb, retryIntervalMs);
    }

    /** For example {@code /srv/app/dualwrite-journal (fsync batch)}. */
    @Override
    public String toString() {
        return dir + " (fsync " + NodeReader.yamlName(fsync) + ")";
    }
}
