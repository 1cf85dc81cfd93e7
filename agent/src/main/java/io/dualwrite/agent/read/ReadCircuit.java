package io.dualwrite.agent.read;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps reads off a secondary that cannot be reached: after a connection failure, reads stay on the primary for
 * a pause that doubles with each further failure, from one second up to thirty; then one read tries again. So an
 * outage costs the application one failed attempt per pause, not one per read.
 */
final class ReadCircuit {

    private static final long FIRST_PAUSE_NANOS = 1_000_000_000L;
    private static final long LONGEST_PAUSE_NANOS = 30_000_000_000L;

    /** When reads may try the secondary again; 0 while it answers. */
    private final AtomicLong retryAt = new AtomicLong();
    private volatile long pauseNanos = FIRST_PAUSE_NANOS;

    /** Whether this read may go to the secondary; after a pause, only the first read to ask does. */
    boolean allows() {
        long at = retryAt.get();
        if (at == 0) {
            return true;
        }
        long now = System.nanoTime();
        return now - at >= 0 && retryAt.compareAndSet(at, now + pauseNanos);
    }

    void succeeded() {
        if (retryAt.get() != 0) {
            retryAt.set(0);
            pauseNanos = FIRST_PAUSE_NANOS;
        }
    }

    void unreachable() {
        retryAt.set(System.nanoTime() + pauseNanos);
        pauseNanos = Math.min(LONGEST_PAUSE_NANOS, pauseNanos * 2);
    }

    boolean isOpen() {
        return retryAt.get() != 0;
    }
}
