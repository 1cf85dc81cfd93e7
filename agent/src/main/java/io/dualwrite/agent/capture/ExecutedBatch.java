package io.dualwrite.agent.capture;

import java.sql.BatchUpdateException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Which entries of a batch the primary executed. After a normal return, those with a count; after a
 * {@link BatchUpdateException}, those the driver reports as done in its update counts: entries past the
 * last count, or counted {@code EXECUTE_FAILED}, were not executed. After any other exception, none.
 */
final class ExecutedBatch {

    private ExecutedBatch() {
    }

    static <T> List<T> entries(List<T> batch, Object counts, Throwable thrown) {
        if (thrown instanceof BatchUpdateException) {
            BatchUpdateException failure = (BatchUpdateException) thrown;
            counts = failure.getLargeUpdateCounts() != null ? failure.getLargeUpdateCounts() : failure.getUpdateCounts();
        } else if (thrown != null) {
            return List.of();
        }
        List<T> executed = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size() && i < length(counts); i++) {
            if (count(counts, i) != Statement.EXECUTE_FAILED) {
                executed.add(batch.get(i));
            }
        }
        return executed;
    }

    private static int length(Object counts) {
        if (counts instanceof int[]) {
            return ((int[]) counts).length;
        }
        return counts instanceof long[] ? ((long[]) counts).length : 0;
    }

    private static long count(Object counts, int i) {
        return counts instanceof int[] ? ((int[]) counts)[i] : ((long[]) counts)[i];
    }
}
