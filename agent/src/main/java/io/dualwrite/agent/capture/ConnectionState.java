package io.dualwrite.agent.capture;

import io.dualwrite.agent.mirror.StrictTransaction;
import io.dualwrite.agent.read.ReadSession;
import io.dualwrite.agent.write.MirroredWrite;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A followed connection: its auto-commit mode and the writes of its open transaction, which reach the
 * secondary only once the primary committed them (or, with {@code on-failure: fail}, go along in a strict
 * transaction of their own). Used by one thread at a time, as JDBC connections are.
 */
final class ConnectionState {

    /** Marks a connection whose URL does not match {@code primary.url-pattern}. */
    static final ConnectionState NOT_MIRRORED = new ConnectionState(0, true);

    /** What read routing remembers of this connection. */
    final ReadSession reads = new ReadSession();
    private final long id;
    private long transactions;
    private boolean autoCommit;
    private final List<MirroredWrite> pending = new ArrayList<>();
    private final Map<Object, Integer> savepoints = new IdentityHashMap<>();
    /** Whether the open transaction is mirrored; null until its first write decides. */
    private Boolean mirrored;
    private StrictTransaction strict;

    ConnectionState(long id, boolean autoCommit) {
        this.id = id;
        this.autoCommit = autoCommit;
    }

    /**
     * Whether the open transaction is mirrored: decided at its first write, as the agent then is, so that a
     * transaction is mirrored whole or not at all even when the configuration changes while it runs.
     *
     * @param strict the secondary transaction to run alongside ({@code on-failure: fail}), or null
     */
    boolean mirrorsTransaction(boolean mirroring, Supplier<StrictTransaction> strict) {
        if (mirrored == null) {
            mirrored = mirroring;
            this.strict = mirroring ? strict.get() : null;
        }
        return mirrored;
    }

    /** The secondary transaction run alongside the open one, for {@code on-failure: fail}; else null. */
    StrictTransaction strict() {
        return strict;
    }

    private void endTransaction() {
        pending.clear();
        savepoints.clear();
        transactions++;
        mirrored = null;
        strict = null;
    }

    /** Where a write came from, for the journal: {@code connection 7}, or {@code connection 7 transaction 3}. */
    String origin() {
        return autoCommit ? "connection " + id : "connection " + id + " transaction " + (transactions + 1);
    }

    boolean isMirrored() {
        return this != NOT_MIRRORED;
    }

    boolean autoCommit() {
        return autoCommit;
    }

    /** Returns true when this change ends a transaction, which JDBC says commits it. */
    boolean setAutoCommit(boolean newAutoCommit) {
        boolean commits = newAutoCommit && !autoCommit;
        autoCommit = newAutoCommit;
        return commits;
    }

    void add(MirroredWrite write) {
        pending.add(write);
    }

    /** Takes the committed transaction's writes, leaving none pending and the next transaction undecided. */
    List<MirroredWrite> takePending() {
        List<MirroredWrite> committed = new ArrayList<>(pending);
        endTransaction();
        return committed;
    }

    /** The open transaction's writes, as they stand. */
    List<MirroredWrite> pending() {
        return pending;
    }

    /** Drops every pending write, ending the transaction; returns how many. */
    int dropPending() {
        int dropped = pending.size();
        endTransaction();
        return dropped;
    }

    void savepoint(Object savepoint) {
        savepoints.put(savepoint, pending.size());
    }

    void releaseSavepoint(Object savepoint) {
        savepoints.remove(savepoint);
    }

    /** Drops the writes made after {@code savepoint}, and the savepoints set after it; returns how many. */
    int rollbackTo(Object savepoint) {
        Integer mark = savepoints.get(savepoint);
        if (mark == null) {
            return 0;
        }
        int dropped = pending.size() - mark;
        pending.subList(mark, pending.size()).clear();
        savepoints.values().removeIf(position -> position > mark);
        return dropped;
    }
}
