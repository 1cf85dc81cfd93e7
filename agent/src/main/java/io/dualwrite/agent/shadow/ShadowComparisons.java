package io.dualwrite.agent.shadow;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs shadow reads on a few threads of its own, so the application only pays for copying the primary's rows.
 * The queue is bounded and a read that does not fit is dropped, never waited for: a slow or absent secondary
 * must not slow the application or fill its memory.
 */
public final class ShadowComparisons implements AutoCloseable {

    private static final long CLOSE_WAIT_MILLIS = 2_000;

    private final ThreadPoolExecutor executor;
    private final ShadowOutcomes outcomes;
    private final MismatchLog mismatches;

    /**
     * @param mismatches where differing results are logged; closed with this
     */
    public ShadowComparisons(int threads, int queueCapacity, ShadowOutcomes outcomes, MismatchLog mismatches) {
        if (threads < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("threads " + threads + ", queue capacity " + queueCapacity);
        }
        this.outcomes = outcomes;
        this.mismatches = mismatches;
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), daemons(), new ThreadPoolExecutor.AbortPolicy());
    }

    private static ThreadFactory daemons() {
        AtomicInteger number = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "dualwrite-shadow-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Queues the read for comparison, or counts it dropped when the queue is full. Never blocks, never throws. */
    public void submit(ShadowRead read) {
        try {
            executor.execute(() -> compare(read));
        } catch (RejectedExecutionException full) {
            quietly(outcomes::dropped);
        } catch (RuntimeException e) {
            // the application's thread is not the place for the shadow reads' failures
        }
    }

    private void compare(ShadowRead read) {
        if (read.primary().overLimit()) {
            quietly(outcomes::skipped);
            return;
        }
        RowsCopy secondary;
        try {
            secondary = read.secondary().run(read.sql(), read.parameters(), read.maxRows());
        } catch (Exception e) {
            quietly(outcomes::failed);
            return;
        }
        if (secondary == null) {
            quietly(outcomes::failed);
            return;
        }
        if (secondary.overLimit()) {
            quietly(outcomes::skipped);
            return;
        }
        Mismatch mismatch;
        try {
            mismatch = ResultComparison.compare(read.primary(), secondary, read.ordered());
        } catch (RuntimeException e) {
            quietly(outcomes::failed);
            return;
        }
        if (mismatch != null) {
            // logged before counted, so that a mismatch seen in the counts can be looked up in the log
            mismatches.append(read.sql(), read.parameters(), mismatch);
        }
        quietly(() -> outcomes.compared(mismatch == null));
    }

    private static void quietly(Runnable count) {
        try {
            count.run();
        } catch (RuntimeException ignored) {
            // a counter that fails must not stop the comparisons
        }
    }

    /**
     * Stops taking reads and waits briefly for those queued; reads still waiting then are counted dropped, and
     * a secondary query still running is interrupted.
     */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                abandon();
            }
        } catch (InterruptedException e) {
            abandon();
            Thread.currentThread().interrupt();
        }
        mismatches.close();
    }

    private void abandon() {
        List<Runnable> waiting = executor.shutdownNow();
        for (int i = 0; i < waiting.size(); i++) {
            quietly(outcomes::dropped);
        }
    }
}
