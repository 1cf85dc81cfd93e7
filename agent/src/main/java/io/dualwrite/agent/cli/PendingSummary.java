package io.dualwrite.agent.cli;

import io.dualwrite.agent.codec.UnappliedWrites;
import io.dualwrite.agent.codec.WriteCodec;
import io.dualwrite.agent.journal.Journal;
import io.dualwrite.agent.journal.JournalCursor;
import io.dualwrite.agent.write.MirroredWrite;
import io.dualwrite.agent.write.PreparedWrite;
import io.dualwrite.agent.sql.SqlClassifier;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the journal's pending records hold, read record by record: how many, how many transactions, writes
 * and rows, when, which tables and why they failed. A write is one statement execution or one batch; its
 * rows are the bound rows of a prepared statement or the SQL texts of a batch.
 */
final class PendingSummary {

    private static final String UNKNOWN_TABLE = "(table not known)";

    long records;
    long transactions;
    long singleWrites;
    long unreadable;
    long writes;
    long rows;
    long firstSequence;
    long lastSequence;
    long oldestMillis;
    long newestMillis;
    /** Table name to {writes, rows}, by name. */
    final Map<String, long[]> byTable = new TreeMap<>();
    /** Failure reason to records, by name. */
    final Map<String, Long> byFailure = new TreeMap<>();

    static PendingSummary read(Journal journal) throws IOException {
        PendingSummary summary = new PendingSummary();
        try (JournalCursor pending = journal.pending()) {
            while (pending.next()) {
                summary.add(pending.sequence(), pending.timestampMillis(), pending.payload());
            }
        }
        return summary;
    }

    private void add(long sequence, long timestampMillis, byte[] payload) {
        if (records == 0) {
            firstSequence = sequence;
            oldestMillis = timestampMillis;
        }
        records++;
        lastSequence = sequence;
        // appends take their time from the wall clock, which may step back: the extremes, not the ends
        oldestMillis = Math.min(oldestMillis, timestampMillis);
        newestMillis = Math.max(newestMillis, timestampMillis);
        UnappliedWrites unit;
        try {
            unit = WriteCodec.decode(payload);
        } catch (IOException damagedOrNewer) {
            unreadable++;
            return;
        }
        if (unit.isTransaction()) {
            transactions++;
        } else {
            singleWrites++;
        }
        byFailure.merge(unit.failure(), 1L, Long::sum);
        for (MirroredWrite write : unit.writes()) {
            writes++;
            Map<String, Long> rowsByTable = rowsByTable(write);
            for (Map.Entry<String, Long> table : rowsByTable.entrySet()) {
                long[] counts = byTable.computeIfAbsent(table.getKey(), name -> new long[2]);
                counts[0]++;
                counts[1] += table.getValue();
                rows += table.getValue();
            }
        }
    }

    /** A batch of SQL texts may touch several tables: each gets its entries, and counts the write once. */
    private static Map<String, Long> rowsByTable(MirroredWrite write) {
        if (write instanceof PreparedWrite) {
            PreparedWrite prepared = (PreparedWrite) write;
            return Collections.singletonMap(table(prepared.sql()), (long) prepared.rows().size());
        }
        List<String> texts = write.sqlTexts();
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String sql : texts) {
            rows.merge(table(sql), 1L, Long::sum);
        }
        return rows;
    }

    /** For example {@code 3 records (1 transaction, 2 single writes), 4 writes, 5 rows}. */
    String headline() {
        StringBuilder text = new StringBuilder(count(records, "record", "records")).append(" (")
                .append(count(transactions, "transaction", "transactions")).append(", ")
                .append(count(singleWrites, "single write", "single writes"));
        if (unreadable > 0) {
            text.append(", ").append(unreadable).append(" unreadable");
        }
        return text.append("), ").append(count(writes, "write", "writes")).append(", ")
                .append(count(rows, "row", "rows")).toString();
    }

    /** A heading and one line per table, without a line end at the end. */
    String byTableText() {
        StringBuilder text = new StringBuilder("by table (writes, rows):");
        int width = widest(byTable.keySet());
        for (Map.Entry<String, long[]> table : byTable.entrySet()) {
            text.append(System.lineSeparator()).append(String.format(Locale.ROOT, "  %-" + width + "s  %8d  %8d",
                    table.getKey(), table.getValue()[0], table.getValue()[1]));
        }
        return text.toString();
    }

    /** A heading and one line per failure reason, without a line end at the end. */
    String byFailureText() {
        StringBuilder text = new StringBuilder("by failure (records):");
        int width = widest(byFailure.keySet());
        for (Map.Entry<String, Long> failure : byFailure.entrySet()) {
            text.append(System.lineSeparator()).append(String.format(Locale.ROOT, "  %-" + width + "s  %8d",
                    failure.getKey(), failure.getValue()));
        }
        return text.toString();
    }

    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static int widest(Iterable<String> names) {
        int width = 1;
        for (String name : names) {
            width = Math.max(width, name.length());
        }
        return width;
    }

    private static String table(String sql) {
        String table = SqlClassifier.classify(sql).table();
        return table == null ? UNKNOWN_TABLE : table;
    }
}
