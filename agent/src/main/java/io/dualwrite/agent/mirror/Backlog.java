package io.dualwrite.agent.mirror;

import io.dualwrite.agent.journal.Journal;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The writes the secondary has not taken yet, in the journal in the order they came. While it holds any, it
 * is open: every new write joins it instead of going to the secondary, so the secondary receives writes in
 * order and the application no longer waits for a secondary that failed. It closes only when the drainer has
 * replayed everything, checked while no write can join.
 */
public final class Backlog {

    /** Replays what the journal holds; run with every appender held off. */
    public interface CatchUp {
        void run() throws IOException;
    }

    private final Journal journal;
    // shared by appenders, exclusive for closing: a write that found the backlog open is in the journal
    // before the backlog can close, so the last replay sees it
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean open;

    public Backlog(Journal journal) {
        this.journal = journal;
        this.open = journal.lastSequence() > journal.checkpointed();
    }

    public boolean isOpen() {
        return open;
    }

    public Journal journal() {
        return journal;
    }

    /**
     * Appends journal records (see {@link io.dualwrite.agent.codec.WriteCodec}), in order and with one wait
     * for the disk, and returns true when the backlog is open; does nothing and returns false otherwise.
     */
    public boolean appendIfOpen(List<byte[]> records) throws IOException {
        if (!open) {
            return false;
        }
        lock.readLock().lock();
        try {
            if (!open) {
                return false;
            }
            journal.appendAll(records);
            return true;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Opens the backlog with the records of writes the secondary did not take, appended in order. */
    public void openWith(List<byte[]> records) throws IOException {
        lock.readLock().lock();
        try {
            open = true;
            journal.appendAll(records);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Runs {@code catchUp} with every appender held off and closes the backlog if nothing is left pending;
     * returns whether it closed.
     */
    public boolean closeIfCaughtUp(CatchUp catchUp) throws IOException {
        lock.writeLock().lock();
        try {
            catchUp.run();
            if (journal.checkpointed() >= journal.lastSequence()) {
                open = false;
            }
            return !open;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Whether records are waiting in the journal, open or not. */
    public boolean hasPending() {
        return journal.lastSequence() > journal.checkpointed();
    }
}
