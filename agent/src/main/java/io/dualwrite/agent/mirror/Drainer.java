package io.dualwrite.agent.mirror;

import io.dualwrite.agent.metrics.WriteStats;
import io.dualwrite.agent.replay.ReplayResult;
import io.dualwrite.agent.replay.Replayer;
import io.dualwrite.bootstrap.CallDepth;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;

/**
 * The background thread that empties the backlog: every retry interval while it is open, it replays the
 * journal into the secondary (the replay's connection attempt is the probe), and once a replay got through
 * everything, it replays the last few records with appenders held off and closes the backlog, so writes go
 * to the secondary directly again, without a restart.
 */
public final class Drainer {

    /** How the drainer is doing, for metrics. */
    public enum State { IDLE, WAITING, DRAINING }

    private static final Replayer.Progress NO_PROGRESS = sequence -> { };
    private static final long STOP_MILLIS = 2_000;
    private static final long FINISHING_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Backlog backlog;
    private final Replayer replayer;
    private final WriteStats stats;
    private final long intervalNanos;
    private final Logger log;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile boolean finishing;
    private volatile State state = State.IDLE;
    private String lastProblem;

    public Drainer(Backlog backlog, Replayer replayer, WriteStats stats, int intervalMillis, Logger log) {
        this.backlog = backlog;
        this.replayer = replayer;
        this.stats = stats;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.log = log;
        this.thread = new Thread(this::run, "dualwrite-drainer");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public State state() {
        return state;
    }

    private void run() {
        // nothing this thread does on the secondary is an application write
        CallDepth.suppress();
        while (!stopped) {
            state = backlog.isOpen() ? State.WAITING : State.IDLE;
            LockSupport.parkNanos(this, finishing ? FINISHING_PAUSE_NANOS : intervalNanos);
            if (!stopped && backlog.isOpen()) {
                state = State.DRAINING;
                drainOnce();
            }
        }
    }

    private void drainOnce() {
        try {
            if (replay() && backlog.closeIfCaughtUp(this::replay)) {
                log.info("the secondary has taken every journaled write; mirroring directly again");
                lastProblem = null;
            }
        } catch (IOException | RuntimeException e) {
            report("replaying the journal failed: " + e);
        }
    }

    /** One replay of what is pending; true when it got through all of it. */
    private boolean replay() throws IOException {
        ReplayResult result = replayer.replay(false, NO_PROGRESS);
        stats.replayed(result.appliedWrites());
        stats.deadLettered(result.deadLetteredWrites());
        if (result.alreadyApplied() > 0) {
            log.info("{} journaled record(s) were on the secondary already: the connection had been lost as they "
                    + "were committed, and they had stood", result.alreadyApplied());
        }
        if (result.deadLettered() > 0) {
            log.warn("{} journaled record(s) failed on the secondary for a reason that will not pass and went to "
                    + "the dead-letter file {}", result.deadLettered(), replayer.deadLetters().file());
        }
        if (result.stoppedBecause() != null) {
            report(result.stoppedBecause());
            return false;
        }
        return true;
    }

    /** Logs a problem once, not at every retry while it lasts. */
    private void report(String problem) {
        if (!problem.equals(lastProblem)) {
            log.warn("the journal's backlog waits: {}; retrying every {} ms", problem,
                    TimeUnit.NANOSECONDS.toMillis(intervalNanos));
            lastProblem = problem;
        }
    }

    /**
     * At the JVM's shutdown: while the backlog is open, replays without waiting for the retry interval, for at
     * most {@code millis}, then stops. What is still pending stays in the journal for the next start or the
     * {@code replay} command.
     */
    public void finish(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        finishing = true;
        LockSupport.unpark(thread);
        while (backlog.isOpen() && thread.isAlive() && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(FINISHING_PAUSE_NANOS);
        }
        stop(STOP_MILLIS);
        if (backlog.hasPending()) {
            log.warn("{} journaled record(s) wait for the secondary in {}; they are replayed at the next start, or by "
                    + "the replay command", backlog.journal().stats().pendingRecords(), backlog.journal().directory());
        }
    }

    /** Stops the thread, letting a replay in progress end and move its checkpoint, for at most {@code millis}. */
    private void stop(long millis) {
        stopped = true;
        replayer.stop();
        LockSupport.unpark(thread);
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
