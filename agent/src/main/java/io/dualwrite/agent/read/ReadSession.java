package io.dualwrite.agent.read;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What read routing remembers of one followed connection: when it last wrote (a read soon after stays on the
 * primary, which surely has the write), the side it sticks to under {@code sticky: connection}, and the results
 * it holds open on the secondary, which are closed with it. Used by one thread at a time, as JDBC connections are,
 * except that the cleaner may close a lease the application dropped unclosed.
 */
public final class ReadSession {

    private long lastWriteNanos;
    private boolean wroteInTransaction;
    private boolean hasWritten;
    private int stickyGeneration = -1;
    private boolean stickToSecondary;
    /** Closed by the application's thread or, for results dropped unclosed, by the cleaner's. */
    private Set<SecondaryLease> open;

    /** The application wrote on this connection: in auto-commit now visible; in a transaction once committed. */
    public void wrote(boolean autoCommit) {
        if (autoCommit) {
            lastWriteNanos = System.nanoTime();
            hasWritten = true;
        } else {
            wroteInTransaction = true;
        }
    }

    /** The open transaction ended; its writes, if committed, count from now. */
    public void transactionEnded(boolean committed) {
        if (wroteInTransaction && committed) {
            lastWriteNanos = System.nanoTime();
            hasWritten = true;
        }
        wroteInTransaction = false;
    }

    boolean wroteWithin(long millis) {
        return hasWritten && System.nanoTime() - lastWriteNanos < millis * 1_000_000L;
    }

    /** Under {@code sticky: connection}: the side drawn at the first read since the routing last changed. */
    boolean stickToSecondary(int generation, int secondaryPercent) {
        if (stickyGeneration != generation) {
            stickyGeneration = generation;
            stickToSecondary = Percent.draw(secondaryPercent);
        }
        return stickToSecondary;
    }

    synchronized void opened(SecondaryLease lease) {
        if (open == null) {
            open = ConcurrentHashMap.newKeySet();
        }
        open.add(lease);
    }

    synchronized void closed(SecondaryLease lease) {
        open.remove(lease);
    }

    /** The connection closes: so do the results it holds on the secondary. */
    public void close() {
        Set<SecondaryLease> leases;
        synchronized (this) {
            leases = open;
        }
        if (leases != null) {
            for (SecondaryLease lease : leases) {
                lease.run();
            }
        }
    }
}
