package io.dualwrite.agent.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C during a long command (replay, verify, repair, backfill): the JVM runs shutdown hooks and then halts,
 * wherever the command is. This hook asks the command to stop after the records or rows it is working on and
 * waits for it to end, so it ends through its own {@code finally}, writes its checkpoint and says how to go on.
 * The wait is bounded: a database that does not answer must not keep the process alive; the work since the
 * last checkpoint is then done again by the next run.
 */
final class InterruptGuard implements AutoCloseable {

    private final String command;
    private final String stopping;
    private final Runnable stop;
    private final long waitMillis;
    private final PrintWriter err;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread hook;

    private InterruptGuard(String command, String stopping, Runnable stop, long waitMillis, PrintWriter err) {
        this.command = command;
        this.stopping = stopping;
        this.stop = stop;
        this.waitMillis = waitMillis;
        this.err = err;
        this.hook = new Thread(this::stopAndWait, "dualwrite-" + command + "-shutdown");
    }

    /**
     * @param command  the command's name, for messages
     * @param stopping what the command does before it ends, e.g. {@code stopping after the records being applied
     *                 and writing the checkpoint}
     */
    static InterruptGuard install(String command, String stopping, Runnable stop, long waitMillis, PrintWriter err) {
        InterruptGuard guard = new InterruptGuard(command, stopping, stop, waitMillis, err);
        Runtime.getRuntime().addShutdownHook(guard.hook);
        return guard;
    }

    void stopAndWait() {
        err.println();
        err.println("interrupted: " + stopping);
        err.flush();
        stop.run();
        try {
            if (!ended.await(waitMillis, TimeUnit.MILLISECONDS)) {
                err.println(command + " did not end within " + waitMillis + " ms; the next " + command
                        + " may do the work of the last moments again");
                err.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command has ended: the hook, if running, may let the JVM halt; if not, it is no longer needed. */
    @Override
    public void close() {
        ended.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or ran: it saw the count-down
        }
    }
}
