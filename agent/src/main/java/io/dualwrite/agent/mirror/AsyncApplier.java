package io.dualwrite.agent.mirror;

import io.dualwrite.agent.config.WhenFull;
import io.dualwrite.agent.replay.GroupLimits;
import io.dualwrite.agent.write.MirroredWrite;
import io.dualwrite.agent.write.WriteRuns;
import io.dualwrite.bootstrap.CallDepth;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Async mode: the application's thread only enqueues; one applier thread hands the queue to the mirror in
 * order, in groups of consecutive units for one transaction each. A full queue spills to the journal: the
 * queue first, then the new write, so the journal keeps the order; or, with {@code when-full: block}, the
 * application's thread waits for room.
 *
 * <p>One lock orders the applier's work against spills: the applier takes and applies units while holding
 * it, so a spill never journals a later write before an earlier one the applier took.
 */
public final class AsyncApplier implements WriteSink {

    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Mirror mirror;
    private final WhenFull whenFull;
    private final ArrayBlockingQueue<QueuedWrites> queue;
    private final ReentrantLock order = new ReentrantLock();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile boolean closed;

    public AsyncApplier(Mirror mirror, int capacity, WhenFull whenFull) {
        this.mirror = mirror;
        // without a journal there is nowhere to spill: waiting loses nothing
        this.whenFull = mirror.keeper().hasJournal() ? whenFull : WhenFull.BLOCK;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::run, "dualwrite-async-applier");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Enqueues; never raises, since the application's work is done by the time the secondary sees it. */
    @Override
    public SQLException apply(String origin, List<MirroredWrite> writes) {
        QueuedWrites unit = new QueuedWrites(origin, writes, System.nanoTime());
        if (closed) {
            journalInOrder(unit, "the agent was shutting down");
            return null;
        }
        if (queue.offer(unit)) {
            LockSupport.unpark(thread);
            if (closed) {
                // shutdown emptied the queue while this unit went in: nobody else will
                journalQueued("the agent was shutting down");
            }
            return null;
        }
        if (whenFull == WhenFull.JOURNAL) {
            journalInOrder(unit, "the async queue was full");
            return null;
        }
        try {
            queue.put(unit);
            LockSupport.unpark(thread);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            journalInOrder(unit, "the application's thread was interrupted waiting for room in the async queue");
        }
        return null;
    }

    /** Journals what is queued, then {@code unit}, so none of them overtakes another. */
    private void journalInOrder(QueuedWrites unit, String why) {
        order.lock();
        try {
            List<QueuedWrites> units = new ArrayList<>(queue.size() + 1);
            queue.drainTo(units);
            units.add(unit);
            mirror.journal(units, why);
        } finally {
            order.unlock();
        }
    }

    private void journalQueued(String why) {
        order.lock();
        try {
            List<QueuedWrites> units = new ArrayList<>(queue.size());
            queue.drainTo(units);
            if (!units.isEmpty()) {
                mirror.journal(units, why);
            }
        } finally {
            order.unlock();
        }
    }

    private void run() {
        // nothing this thread does on the secondary is an application write
        CallDepth.suppress();
        while (!stopped) {
            boolean applied;
            order.lock();
            try {
                List<QueuedWrites> units = takeRun();
                applied = !units.isEmpty();
                if (applied) {
                    mirror.applyInOrder(units);
                }
            } finally {
                order.unlock();
            }
            if (!applied) {
                LockSupport.parkNanos(this, IDLE_PARK_NANOS);
            }
        }
    }

    /**
     * The head of the queue and the units after it, within the limits of one transaction, as replay groups
     * journal records; a unit that does more than change data goes alone.
     */
    private List<QueuedWrites> takeRun() {
        QueuedWrites first = queue.poll();
        if (first == null) {
            return List.of();
        }
        List<QueuedWrites> units = new ArrayList<>();
        units.add(first);
        if (!WriteRuns.changesDataOnly(first.writes)) {
            return units;
        }
        int entries = WriteRuns.entries(first.writes);
        for (QueuedWrites next; (next = queue.peek()) != null && WriteRuns.changesDataOnly(next.writes)
                && GroupLimits.DEFAULT.admits(units.size() + 1, entries + WriteRuns.entries(next.writes), 0); ) {
            entries += WriteRuns.entries(next.writes);
            units.add(queue.poll());
        }
        return units;
    }

    /** Writes waiting in the queue. */
    public int depth() {
        return queue.size();
    }

    /** How long the oldest queued write has waited, in milliseconds; 0 when none does. */
    public long oldestWaitMillis() {
        QueuedWrites oldest = queue.peek();
        return oldest == null ? 0 : Math.max(0, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - oldest.enqueuedNanos));
    }

    /**
     * At the JVM's shutdown: lets the applier empty the queue for at most {@code millis}, then stops it and
     * journals what is left, in order; writes that arrive later go straight to the journal.
     */
    public void finish(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!queue.isEmpty() && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        closed = true;
        stopped = true;
        LockSupport.unpark(thread);
        journalQueued("left in the async queue at shutdown");
    }
}
