package io.dualwrite.agent.mirror;

import io.dualwrite.agent.config.SecondaryConfig;
import io.dualwrite.agent.metrics.WriteStats;
import io.dualwrite.bootstrap.CallDepth;
import java.net.MalformedURLException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * Applies writes that succeeded on the primary to the secondary, in the calling thread (sync mode): a
 * single write in auto-commit, a committed transaction's writes as one transaction. A failure never
 * reaches the application: it is counted and logged.
 */
public final class Mirror implements AutoCloseable {

    private final SecondaryPool pool;
    private final SecondaryDriver driver;
    private final int timeoutSeconds;
    private final WriteStats stats;
    private final FailureLog failures;

    public Mirror(SecondaryConfig config, WriteStats stats, FailureLog failures) throws MalformedURLException {
        this.driver = new SecondaryDriver(config.url(), config.driverJar());
        this.pool = new SecondaryPool(config, driver);
        this.timeoutSeconds = Math.max(1, (config.statementTimeoutMs() + 999) / 1000);
        this.stats = stats;
        this.failures = failures;
    }

    /** Lets the secondary's driver be found where the application's drivers are. */
    public void rememberDriverLoader(ClassLoader loader) {
        driver.remember(loader);
    }

    public void apply(MirroredWrite write) {
        applyTransaction(Collections.singletonList(write));
    }

    /** Applies {@code writes} in order; more than one go into one transaction on the secondary. */
    public void applyTransaction(List<MirroredWrite> writes) {
        CallDepth.suppress();
        try {
            applyAll(writes);
            stats.apply(writes.size());
        } catch (WriteFailure failure) {
            stats.fail(writes.size());
            failures.record(failure.write, writes.size(), failure.cause);
        } finally {
            CallDepth.unsuppress();
        }
    }

    private void applyAll(List<MirroredWrite> writes) throws WriteFailure {
        Connection connection;
        try {
            connection = pool.borrow();
        } catch (SQLException e) {
            throw new WriteFailure(writes.get(0), e);
        }
        boolean transaction = writes.size() > 1;
        boolean broken = false;
        MirroredWrite current = writes.get(0);
        try {
            if (transaction) {
                connection.setAutoCommit(false);
            }
            for (MirroredWrite write : writes) {
                current = write;
                write.applyTo(connection, timeoutSeconds);
            }
            if (transaction) {
                connection.commit();
                connection.setAutoCommit(true);
            }
        } catch (Exception | LinkageError e) {
            // LinkageError too: a secondary driver missing a class must count as a failure, not escape uncounted
            broken = transaction ? !rollback(connection) || isConnectionLost(e) : isConnectionLost(e);
            throw new WriteFailure(current, e);
        } finally {
            pool.release(connection, broken);
        }
    }

    private static boolean rollback(Connection connection) {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isConnectionLost(Throwable e) {
        if (!(e instanceof SQLException)) {
            return true;
        }
        String state = ((SQLException) e).getSQLState();
        return state == null || state.startsWith("08") || e instanceof java.sql.SQLTimeoutException
                || e instanceof java.sql.SQLRecoverableException
                || e instanceof java.sql.SQLNonTransientConnectionException
                || e instanceof java.sql.SQLTransientConnectionException;
    }

    @Override
    public void close() {
        pool.close();
    }

    private static final class WriteFailure extends Exception {
        final MirroredWrite write;
        final Throwable cause;

        WriteFailure(MirroredWrite write, Throwable cause) {
            super(null, null, false, false);
            this.write = write;
            this.cause = cause;
        }
    }
}
