package io.dualwrite.agent.write;

import io.dualwrite.bootstrap.CallDepth;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Aborts a connection to the secondary whose statement outlasts its deadline. Statement and network timeouts
 * bound waiting for an answer, but not sending: against a frozen server a large batch can block in a socket
 * write for as long as the freeze lasts, and only closing the connection frees the thread.
 */
public final class Watchdog implements AutoCloseable {

    /** Ends the watch over one statement. */
    public interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    /** Lets the statement and network timeouts fail a statement first, when they can. */
    private static final long MARGIN_MS = 500;
    private static final Watch UNWATCHED = () -> { };

    /** Watches nothing: for work that may wait, as replay from the command line. */
    public static final Watchdog NONE = new Watchdog(0);

    private final ScheduledThreadPoolExecutor timer;
    private final long deadlineMillis;

    /** @param statementTimeoutMs how long one statement may take before the driver's timeouts should fail it */
    public Watchdog(long statementTimeoutMs) {
        this.deadlineMillis = statementTimeoutMs + MARGIN_MS;
        if (statementTimeoutMs == 0) {
            timer = null;
            return;
        }
        timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "dualwrite-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        // a watch almost always ends in time: its cancelled task must not stay queued until its deadline
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Watches one statement on {@code connection}: it is aborted unless the watch is closed in time. */
    public Watch watch(Connection connection) {
        if (timer == null) {
            return UNWATCHED;
        }
        ScheduledFuture<?> abort = timer.schedule(() -> abortApart(connection), deadlineMillis, TimeUnit.MILLISECONDS);
        return () -> abort.cancel(false);
    }

    /**
     * On a thread of its own: some drivers abort by sending a kill through a new connection, which a frozen
     * network holds up, and the timer must stay free for the other watches.
     */
    private static void abortApart(Connection connection) {
        Thread aborter = new Thread(() -> abort(connection), "dualwrite-watchdog-abort");
        aborter.setDaemon(true);
        aborter.start();
    }

    private static void abort(Connection connection) {
        CallDepth.suppress();
        try {
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException | AbstractMethodError notSupported) {
            try {
                connection.close();
            } catch (SQLException | RuntimeException ignored) {
                // nothing more can be done to free the thread
            }
        } finally {
            CallDepth.unsuppress();
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
