package io.dualwrite.agent.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Test payloads that say which record they are, and reading a journal back whole. */
final class Records {

    /** One record read back. */
    static final class Read {
        final long sequence;
        final long timestampMillis;
        final byte[] payload;

        Read(long sequence, long timestampMillis, byte[] payload) {
            this.sequence = sequence;
            this.timestampMillis = timestampMillis;
            this.payload = payload;
        }

        @Override
        public String toString() {
            return "#" + sequence + " (" + payload.length + " bytes)";
        }
    }

    private Records() {
    }

    /** {@code size} bytes that depend on {@code seed}, so a record read back can be told from any other. */
    static byte[] payload(long seed, int size) {
        byte[] bytes = new byte[size];
        new SplittableRandom(seed * 31 + size).nextBytes(bytes);
        return bytes;
    }

    /** A payload naming its writer thread and its number within that thread. */
    static byte[] tagged(int thread, int index, int size) {
        ByteBuffer bytes = ByteBuffer.allocate(Math.max(8, size));
        bytes.putInt(thread).putInt(index);
        return bytes.array();
    }

    static int thread(byte[] tagged) {
        return ByteBuffer.wrap(tagged).getInt(0);
    }

    static int index(byte[] tagged) {
        return ByteBuffer.wrap(tagged).getInt(4);
    }

    static List<Read> pending(Journal journal) throws IOException {
        List<Read> records = new ArrayList<>();
        try (JournalCursor cursor = journal.pending()) {
            while (cursor.next()) {
                records.add(new Read(cursor.sequence(), cursor.timestampMillis(), cursor.payload()));
            }
        }
        return records;
    }

    static List<Long> sequences(List<Read> records) {
        List<Long> sequences = new ArrayList<>();
        for (Read record : records) {
            sequences.add(record.sequence);
        }
        return sequences;
    }

    static List<Long> range(long first, long last) {
        List<Long> sequences = new ArrayList<>();
        for (long s = first; s <= last; s++) {
            sequences.add(s);
        }
        return sequences;
    }
}
