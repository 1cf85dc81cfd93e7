package io.dualwrite.agent.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C during a replay: the JVM runs shutdown hooks and then halts, wherever the replay is. This hook asks
 * the replay to stop after its current record and waits for it to end, so it ends through its own
 * {@code finally} and writes the checkpoint of everything it applied. The wait is bounded: a secondary that
 * does not answer must not keep the process alive; the records of the last checkpoint interval are then
 * applied again by the next replay.
 */
final class InterruptGuard implements AutoCloseable {

    private final Runnable stop;
    private final long waitMillis;
    private final PrintWriter err;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread hook;

    private InterruptGuard(Runnable stop, long waitMillis, PrintWriter err) {
        this.stop = stop;
        this.waitMillis = waitMillis;
        this.err = err;
        this.hook = new Thread(this::stopAndWait, "dualwrite-replay-shutdown");
    }

    static InterruptGuard install(Runnable stop, long waitMillis, PrintWriter err) {
        InterruptGuard guard = new InterruptGuard(stop, waitMillis, err);
        Runtime.getRuntime().addShutdownHook(guard.hook);
        return guard;
    }

    void stopAndWait() {
        err.println();
        err.println("interrupted: stopping after the current record and writing the checkpoint");
        err.flush();
        stop.run();
        try {
            if (!ended.await(waitMillis, TimeUnit.MILLISECONDS)) {
                err.println("replay did not end within " + waitMillis + " ms; the next replay may apply the records "
                        + "of the last moments again");
                err.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The replay has ended: the hook, if running, may let the JVM halt; if not, it is no longer needed. */
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
