package io.dualwrite.sample.load;

import org.HdrHistogram.Histogram;

/**
 * The measured operations of one kind: their latencies in microseconds (3 significant digits, auto-resizing),
 * the rows they touched and their errors. Kept per thread without locking and merged with {@link #add} at the end.
 */
final class KindMeasurements {

    private static final int SIGNIFICANT_DIGITS = 3;

    final Histogram latencyMicros = new Histogram(SIGNIFICANT_DIGITS);
    long rows;
    long errors;

    void recordSuccess(long micros, int rowsTouched) {
        latencyMicros.recordValue(micros);
        rows += rowsTouched;
    }

    void recordError() {
        errors++;
    }

    void add(KindMeasurements other) {
        latencyMicros.add(other.latencyMicros);
        rows += other.rows;
        errors += other.errors;
    }

    /** Successful operations: errors are counted apart and their latencies left out. */
    long operations() {
        return latencyMicros.getTotalCount();
    }
}
