package io.dualwrite.agent.journal;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * What the appenders of one group commit wait for: the fsync that covers them, or its failure. The flusher
 * wakes each waiter itself; a latch would wake them one after another, each woken thread waking the next,
 * which with hundreds of appenders costs more than the fsync.
 */
final class CommitTicket {

    private Thread[] waiters = new Thread[16];
    private int count;
    private volatile boolean done;
    private volatile IOException failure;

    /** Under the append lock, before the batch can be taken by the flusher; how many wait now. */
    int register(Thread waiter) {
        if (count == waiters.length) {
            waiters = Arrays.copyOf(waiters, count * 2);
        }
        waiters[count++] = waiter;
        return count;
    }

    /** Under the append lock. */
    int waiting() {
        return count;
    }

    /** After the flusher took the batch under the append lock: no waiter registers any more. */
    void complete() {
        done = true;
        for (int i = 0; i < count; i++) {
            LockSupport.unpark(waiters[i]);
        }
    }

    void fail(IOException cause) {
        failure = cause;
        complete();
    }

    /**
     * Waits without giving up on an interrupt: the record is on its way to the disk either way, and an append
     * that threw while its record became durable would make the caller keep the write twice. The interrupt
     * status is restored for the caller.
     */
    void await() throws IOException {
        boolean interrupted = false;
        while (!done) {
            LockSupport.park(this);
            if (Thread.interrupted()) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        IOException cause = failure;
        if (cause != null) {
            throw new IOException(cause.getMessage(), cause);
        }
    }
}
