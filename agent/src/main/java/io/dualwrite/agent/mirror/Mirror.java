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
            applyOnPooledConnection(writes);
            stats.apply(writes.size());
        } catch (WriteUnit.Failure failure) {
            stats.fail(writes.size());
            failures.record(failure.write(), writes.size(), failure.getCause());
        } finally {
            CallDepth.unsuppress();
        }
    }

    private void applyOnPooledConnection(List<MirroredWrite> writes) throws WriteUnit.Failure {
        Connection connection;
        try {
            connection = pool.borrow();
        } catch (SQLException e) {
            throw new WriteUnit.Failure(writes.get(0), e, false);
        }
        boolean unusable = false;
        try {
            WriteUnit.apply(connection, writes, timeoutSeconds);
        } catch (WriteUnit.Failure failure) {
            unusable = failure.connectionUnusable();
            throw failure;
        } finally {
            pool.release(connection, unusable);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
