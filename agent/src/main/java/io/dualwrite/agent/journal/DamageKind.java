package io.dualwrite.agent.journal;

/** Why bytes of a journal were not trusted when it was opened. */
public enum DamageKind {
    TORN_SEGMENT_HEADER("the segment is shorter than its header"),
    BAD_MAGIC("the file does not start like a journal segment"),
    TORN_RECORD_HEADER("a record header (its length) is cut short"),
    BAD_LENGTH("a record length is impossible"),
    LENGTH_PAST_END("a record length reaches past the end of the file"),
    CRC_MISMATCH("the CRC32C does not match the bytes"),
    SEQUENCE_GAP("a sequence number does not follow the one before"),
    AFTER_EARLIER_DAMAGE("the segment follows damage in an earlier segment"),
    CHECKPOINT_UNREADABLE("the checkpoint file cannot be read"),
    MISSING_RECORDS("records between the checkpoint and the first segment are missing");

    private final String meaning;

    DamageKind(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
