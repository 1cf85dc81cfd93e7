package io.dualwrite.agent.mirror;

import io.dualwrite.agent.write.MirroredWrite;
import io.dualwrite.agent.write.Watchdog;
import io.dualwrite.agent.write.WriteUnit;
import io.dualwrite.bootstrap.CallDepth;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * For {@code on-failure: fail}: the secondary transaction that runs alongside one application transaction.
 * Each write goes to the secondary right after the primary executed it, so a secondary failure reaches the
 * application before it commits and it rolls back. The primary commits first, then the secondary; a secondary
 * commit that fails then is journaled. Used by the application connection's thread only.
 */
public final class StrictTransaction {

    private final Mirror mirror;
    private Connection connection;
    private WriteUnit.Failure failure;

    StrictTransaction(Mirror mirror) {
        this.mirror = mirror;
    }

    /** Applies a write the primary executed; returns the exception for the application when it fails. */
    public SQLException write(MirroredWrite write) {
        if (failure == null && mirror.keeper().backlogOpen()) {
            failure = new WriteUnit.Failure(write, new SQLException("earlier writes wait in the journal", "08000"),
                    false, false);
            end(false);
            return rollBackBecause("the secondary is behind (earlier writes wait in the journal)");
        }
        if (failure != null) {
            return rollBackBecause("an earlier write of this transaction failed on the secondary ("
                    + FailureLog.reason(failure.getCause()) + ")");
        }
        CallDepth.suppress();
        try {
            if (connection == null) {
                connection = mirror.pool().borrow();
                connection.setAutoCommit(false);
            }
            try (Watchdog.Watch watch = mirror.watchdog().watch(connection)) {
                write.applyTo(connection, mirror.translator(), mirror.timeoutSeconds());
            }
            return null;
        } catch (SQLException | RuntimeException | LinkageError e) {
            failure = new WriteUnit.Failure(write, e, WriteUnit.isConnectionLost(e), false);
            end(false);
            return rollBackBecause("the secondary failed to take " + write.describe() + " (" + FailureLog.reason(e)
                    + ")");
        } finally {
            CallDepth.unsuppress();
        }
    }

    private SQLException rollBackBecause(String why) {
        return new SQLException("dualwrite: " + why + "; roll this transaction back: nothing of it is committed on "
                + "either database yet", Mirror.SQL_STATE, failure.getCause());
    }

    /**
     * The primary committed {@code writes} of {@code origin}: commits them on the secondary. Returns the
     * exception for the application when the secondary does not have them now; they are then journaled.
     */
    public SQLException commit(String origin, List<MirroredWrite> writes) {
        CallDepth.suppress();
        try {
            if (failure == null && connection != null) {
                try (Watchdog.Watch watch = mirror.watchdog().watch(connection)) {
                    connection.commit();
                    end(true);
                    mirror.stats().apply(writes.size());
                    return null;
                } catch (SQLException | RuntimeException e) {
                    failure = new WriteUnit.Failure(writes.get(writes.size() - 1), e, true,
                            WriteUnit.isConnectionLost(e));
                    end(false);
                }
            }
            if (failure == null) {
                return null;
            }
            String kept = mirror.keeper().keep(origin, writes, failure);
            return Mirror.failedAfterPrimary("the primary committed a transaction of " + writes.size() + " writes the "
                    + "secondary did not take (" + FailureLog.reason(failure.getCause()) + ")", kept,
                    failure.getCause());
        } finally {
            failure = null;
            CallDepth.unsuppress();
        }
    }

    /** The application rolled back: so does the secondary. */
    public void rollback() {
        CallDepth.suppress();
        try {
            end(false);
            failure = null;
        } finally {
            CallDepth.unsuppress();
        }
    }

    /**
     * The application rolled back to a savepoint: the secondary rolls back whole and applies again the writes
     * before it, since savepoints are not shared between the two connections.
     */
    public void rollbackTo(List<MirroredWrite> kept) {
        rollback();
        for (MirroredWrite write : kept) {
            if (write(write) != null) {
                return; // the failure is kept and reported at the next write or at commit
            }
        }
    }

    /** Ends the secondary transaction (rolled back unless committed) and gives the connection back. */
    private void end(boolean committed) {
        if (connection == null) {
            return;
        }
        boolean usable = failure == null || !failure.connectionUnusable();
        try {
            if (!committed) {
                connection.rollback();
            }
            connection.setAutoCommit(true);
        } catch (SQLException | RuntimeException e) {
            usable = false;
        }
        mirror.pool().release(connection, !usable);
        connection = null;
    }
}
