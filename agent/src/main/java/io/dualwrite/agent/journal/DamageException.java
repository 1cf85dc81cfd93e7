package io.dualwrite.agent.journal;

/** Bytes on disk that do not read back as written; recovery turns it into a {@link Damage}. */
final class DamageException extends Exception {

    private static final long serialVersionUID = 1L;

    private final DamageKind kind;
    private final long offset;

    DamageException(DamageKind kind, long offset, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
        this.offset = offset;
    }

    DamageKind kind() {
        return kind;
    }

    long offset() {
        return offset;
    }
}
