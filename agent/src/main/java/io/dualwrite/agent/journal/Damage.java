package io.dualwrite.agent.journal;

import java.nio.file.Path;
import java.util.Objects;

/** One place where a journal was found damaged on open, and where its untrusted bytes were moved. */
public final class Damage {

    private final Path file;
    private final long offset;
    private final long bytesIgnored;
    private final DamageKind kind;
    private final String detail;
    private final Path movedTo;

    Damage(Path file, long offset, long bytesIgnored, DamageKind kind, String detail, Path movedTo) {
        this.file = Objects.requireNonNull(file);
        this.offset = offset;
        this.bytesIgnored = bytesIgnored;
        this.kind = Objects.requireNonNull(kind);
        this.detail = Objects.requireNonNull(detail);
        this.movedTo = movedTo;
    }

    public Path file() {
        return file;
    }

    /** Where in the file the untrusted bytes start. */
    public long offset() {
        return offset;
    }

    public long bytesIgnored() {
        return bytesIgnored;
    }

    public DamageKind kind() {
        return kind;
    }

    public String detail() {
        return detail;
    }

    /** The {@code .damaged} file holding the untrusted bytes; null when there were none to keep. */
    public Path movedTo() {
        return movedTo;
    }

    @Override
    public String toString() {
        return file.getFileName() + " at offset " + offset + ": " + kind.meaning() + " (" + detail + "); "
                + bytesIgnored + " bytes ignored" + (movedTo == null ? "" : ", kept in " + movedTo.getFileName());
    }
}
