package io.dualwrite.agent.mirror;

import io.dualwrite.agent.config.SecondaryConfig;
import io.dualwrite.bootstrap.CallDepth;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The agent's connections to the secondary: at most {@code size}, opened on first use, so a secondary
 * that is down costs the application's start nothing. No caller waits longer than the statement timeout
 * (or the wait it asks for) for a free connection, nor longer than the connect timeout for a new one. The
 * mirror has one pool, routed reads another, so that reads never hold up writes.
 */
public final class SecondaryPool implements AutoCloseable {

    private final SecondaryConfig config;
    private final SecondaryDriver driver;
    private final int size;
    private final Semaphore permits;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
    private final ThreadPoolExecutor opener;
    private volatile boolean closed;

    SecondaryPool(SecondaryConfig config, SecondaryDriver driver, int size) {
        this.config = config;
        this.driver = driver;
        this.size = size;
        this.permits = new Semaphore(size, true);
        // bounded: against a secondary that accepts connections and never answers, attempts hang in the
        // driver; no more than pool-size threads may hang there, and further attempts fail at once
        this.opener = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(size), runnable -> {
                    Thread thread = new Thread(runnable, "dualwrite-connect");
                    thread.setDaemon(true);
                    return thread;
                });
        opener.allowCoreThreadTimeOut(true);
    }

    Connection borrow() throws SQLException {
        return borrow(config.statementTimeoutMs());
    }

    /** Borrows a connection, waiting at most {@code waitMs} for one to be free. */
    public Connection borrow(long waitMs) throws SQLException {
        try {
            if (!permits.tryAcquire(waitMs, TimeUnit.MILLISECONDS)) {
                throw new Busy("all " + size + " connections to the secondary stayed busy for " + waitMs + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a connection to the secondary", "08001", e);
        }
        try {
            Connection connection = idle.poll();
            return connection != null ? connection : open();
        } catch (SQLException e) {
            permits.release();
            throw e;
        } catch (RuntimeException e) {
            permits.release();
            throw new SQLException("no connection to the secondary could be opened (" + e + ")", "08001", e);
        }
    }

    /** Returns a borrowed connection; a broken one is closed instead, and replaced on a later borrow. */
    public void release(Connection connection, boolean broken) {
        if (broken || closed) {
            closeQuietly(connection);
        } else {
            idle.offer(connection);
        }
        permits.release();
    }

    Connection open() throws SQLException {
        CompletableFuture<Connection> opening;
        try {
            opening = CompletableFuture.supplyAsync(this::connect, opener);
        } catch (RejectedExecutionException e) {
            throw new SQLTimeoutException("earlier attempts to connect to the secondary still hang; not starting another",
                    "08001");
        }
        try {
            return withNetworkTimeout(opening.get(config.connectTimeoutMs(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            opening.thenAccept(SecondaryPool::closeQuietly);
            throw new SQLTimeoutException("connecting to the secondary took longer than " + config.connectTimeoutMs()
                    + " ms", "08001");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof OpenFailure ? e.getCause().getCause() : e.getCause();
            throw cause instanceof SQLException ? (SQLException) cause
                    : new SQLException("connecting to the secondary failed: " + cause, "08001", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            opening.thenAccept(SecondaryPool::closeQuietly);
            throw new SQLException("interrupted while connecting to the secondary", "08001", e);
        }
    }

    /** A socket read that hangs (a frozen secondary) fails after the statement timeout, where drivers allow it. */
    private Connection withNetworkTimeout(Connection connection) {
        try {
            connection.setNetworkTimeout(Runnable::run, config.statementTimeoutMs());
        } catch (SQLException | AbstractMethodError | UnsupportedOperationException notSupported) {
            // the query timeout still applies
        }
        return connection;
    }

    private Connection connect() {
        CallDepth.suppress();
        try {
            Connection connection = driver.get().connect(config.url(), config.connectionProperties());
            if (connection == null) {
                throw new SQLException("the driver did not accept the secondary's URL", "08001");
            }
            return connection;
        } catch (SQLException e) {
            throw new OpenFailure(e);
        } finally {
            CallDepth.unsuppress();
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Connection connection; (connection = idle.poll()) != null; ) {
            closeQuietly(connection);
        }
        opener.shutdownNow();
    }

    private static void closeQuietly(Connection connection) {
        CallDepth.suppress();
        try {
            connection.close();
        } catch (SQLException | RuntimeException ignored) {
            // closing a broken connection: nothing more to do
        } finally {
            CallDepth.unsuppress();
        }
    }

    /** No connection of the pool was free: the secondary itself may be well. */
    public static final class Busy extends SQLTimeoutException {
        Busy(String message) {
            super(message, "08001");
        }
    }

    /** Carries a checked failure out of the opener thread. */
    private static final class OpenFailure extends RuntimeException {
        OpenFailure(SQLException cause) {
            super(cause);
        }
    }
}
