package io.dualwrite.agent.write;

import io.dualwrite.agent.translate.StatementTranslator;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Applies writes on the secondary as the unit they were on the primary: one write in auto-commit, the writes
 * of a transaction in one transaction, rolled back whole when one of them fails. A batch goes in a
 * transaction too, so that it stands or falls whole and a replay never meets half of it. Serves the live
 * mirror and the replay of the journal alike.
 */
public final class WriteUnit {

    private WriteUnit() {
    }

    /** Each statement limited to {@code timeoutSeconds}, and aborted by {@code watchdog} if it outlasts them. */
    public static void apply(Connection connection, List<MirroredWrite> writes, StatementTranslator translator,
            int timeoutSeconds, Watchdog watchdog) throws Failure {
        apply(connection, writes, translator, timeoutSeconds, watchdog, writes.size() > 1 || writes.get(0).isBatch());
    }

    /** Applies {@code writes} in one transaction, even a single one: a merged batch stands or falls whole. */
    public static void applyInTransaction(Connection connection, List<MirroredWrite> writes,
            StatementTranslator translator, int timeoutSeconds, Watchdog watchdog) throws Failure {
        apply(connection, writes, translator, timeoutSeconds, watchdog, true);
    }

    private static void apply(Connection connection, List<MirroredWrite> writes, StatementTranslator translator,
            int timeoutSeconds, Watchdog watchdog, boolean transaction) throws Failure {
        MirroredWrite current = writes.get(0);
        // the server may have done the work when the connection is lost during the statement that ends it
        boolean ending = false;
        try {
            // the mode is set before, never restored after: nothing may fail once the commit succeeded
            if (connection.getAutoCommit() == transaction) {
                connection.setAutoCommit(!transaction);
            }
            for (MirroredWrite write : writes) {
                current = write;
                ending = !transaction;
                try (Watchdog.Watch watch = watchdog.watch(connection)) {
                    write.applyTo(connection, translator, timeoutSeconds);
                }
            }
            if (transaction) {
                ending = true;
                try (Watchdog.Watch watch = watchdog.watch(connection)) {
                    connection.commit();
                }
            }
        } catch (Exception | LinkageError e) {
            // LinkageError too: a secondary driver missing a class must count as a failure, not escape uncounted
            boolean lost = isConnectionLost(e);
            boolean unusable = transaction ? !rollback(connection) || lost : lost;
            throw new Failure(current, e, unusable, ending && lost);
        }
    }

    private static boolean rollback(Connection connection) {
        try {
            connection.rollback();
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Whether a connection that threw {@code e} must be closed rather than used again. */
    public static boolean isConnectionLost(Throwable e) {
        if (!(e instanceof SQLException)) {
            return true;
        }
        String state = ((SQLException) e).getSQLState();
        return state == null || state.startsWith("08") || e instanceof java.sql.SQLTimeoutException
                || e instanceof java.sql.SQLRecoverableException
                || e instanceof java.sql.SQLNonTransientConnectionException
                || e instanceof java.sql.SQLTransientConnectionException;
    }

    /**
     * A write of the unit failed: nothing of the unit stands on the secondary, unless the connection was lost
     * while the server may have been committing it ({@link #outcomeUnknown()}).
     */
    public static final class Failure extends Exception {

        private final transient MirroredWrite write;
        private final boolean connectionUnusable;
        private final boolean outcomeUnknown;

        public Failure(MirroredWrite write, Throwable cause, boolean connectionUnusable, boolean outcomeUnknown) {
            super(cause.toString(), cause, false, false);
            this.write = write;
            this.connectionUnusable = connectionUnusable;
            this.outcomeUnknown = outcomeUnknown;
        }

        /** The write that failed. */
        public MirroredWrite write() {
            return write;
        }

        /** Whether the connection must be closed rather than used again. */
        public boolean connectionUnusable() {
            return connectionUnusable;
        }

        /** Whether the secondary may have the unit after all: the connection was lost as it was being committed. */
        public boolean outcomeUnknown() {
            return outcomeUnknown;
        }
    }
}
