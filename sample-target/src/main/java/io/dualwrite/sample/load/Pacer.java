package io.dualwrite.sample.load;

import java.util.concurrent.locks.LockSupport;

/**
 * Spaces one thread's operations evenly at a set rate, for {@code --rate}. A thread that falls behind (a slow
 * operation) starts the next one at once but never bursts to catch up more than one interval: the rate is a
 * ceiling, so that a run at 80 % of saturation stays there.
 */
final class Pacer {

    /** No pacing: every operation starts as soon as the previous one ends. */
    static final Pacer UNPACED = new Pacer(0);

    private final long intervalNanos;
    private long next;

    private Pacer(long intervalNanos) {
        this.intervalNanos = intervalNanos;
        this.next = System.nanoTime();
    }

    /** A pacer for one of {@code threads} threads sharing {@code operationsPerSecond} evenly; 0 for none. */
    static Pacer forShare(int operationsPerSecond, int threads) {
        return operationsPerSecond == 0 ? UNPACED : new Pacer(threads * 1_000_000_000L / operationsPerSecond);
    }

    /** Waits until the next operation is due. */
    void awaitTurn() {
        if (intervalNanos == 0) {
            return;
        }
        long now = System.nanoTime();
        next = Math.max(next + intervalNanos, now - intervalNanos);
        long wait = next - now;
        while (wait > 0) {
            LockSupport.parkNanos(wait);
            wait = next - System.nanoTime();
        }
    }
}
