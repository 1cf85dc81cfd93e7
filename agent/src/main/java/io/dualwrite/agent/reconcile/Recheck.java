package io.dualwrite.agent.reconcile;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keys whose rows looked different, read again from both sides a moment later before anything is reported: a
 * write the application made between the two reads (committed on the primary, its mirror not yet on the
 * secondary) is not drift. Holds at most one chunk of keys; what is still different goes to the sink.
 */
final class Recheck {

    static final long DELAY_NANOS = 250_000_000L;

    private final TablePair table;
    private final TableReader primary;
    private final TableReader secondary;
    private final Connection primaryConnection;
    private final Connection secondaryConnection;
    private final int capacity;
    private final DifferenceSink sink;
    private final List<Object[]> keys = new ArrayList<>();
    private Side keySide;
    private long firstSuspectedAt;

    Recheck(TablePair table, TableReader primary, TableReader secondary, Connection primaryConnection,
            Connection secondaryConnection, int capacity, DifferenceSink sink) {
        this.table = table;
        this.primary = primary;
        this.secondary = secondary;
        this.primaryConnection = primaryConnection;
        this.secondaryConnection = secondaryConnection;
        this.capacity = capacity;
        this.sink = sink;
    }

    /** A key (as read from {@code side}; one side per instance) whose rows looked different. */
    void suspect(Object[] key, Side side) throws SQLException, IOException, InterruptedException {
        if (keys.isEmpty()) {
            firstSuspectedAt = System.nanoTime();
        }
        keySide = side;
        keys.add(key);
        if (keys.size() >= capacity) {
            flush();
        }
    }

    void flush() throws SQLException, IOException, InterruptedException {
        if (keys.isEmpty()) {
            return;
        }
        long wait = DELAY_NANOS - (System.nanoTime() - firstSuspectedAt);
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
        }
        for (Difference difference : compareNow()) {
            sink.accept(difference);
        }
        keys.clear();
    }

    /** The differences between the two sides' rows of the suspected keys, read now. */
    private List<Difference> compareNow() throws SQLException {
        Map<String, Row> secondaryRows = secondary.lookup(secondaryConnection, keys, false, false);
        Map<String, Row> primaryRows = primary.lookup(primaryConnection, keys, false, false);
        List<Difference> differences = new ArrayList<>();
        for (Object[] key : keys) {
            String text = table.keyText(key, keySide);
            Difference difference = Difference.between(table, key, keySide, primaryRows.get(text),
                    secondaryRows.get(text));
            if (difference != null) {
                differences.add(difference);
            }
        }
        return differences;
    }
}
