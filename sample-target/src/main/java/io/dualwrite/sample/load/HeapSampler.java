package io.dualwrite.sample.load;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The JVM's heap during a run: the most heap in use among samples taken every {@link #INTERVAL_MS} ms (so a peak
 * between two samples is missed; garbage not yet collected counts), and the heap still in use after a full GC
 * at the end, which is what the application (and, attached, the agent) really keeps.
 */
final class HeapSampler {

    static final long INTERVAL_MS = 50;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread sampler = new Thread(this::sample, "load-heap-sampler");
    private volatile boolean running = true;
    private volatile long maxUsedBytes;

    HeapSampler start() {
        sampler.setDaemon(true);
        sampler.start();
        return this;
    }

    private void sample() {
        while (running) {
            maxUsedBytes = Math.max(maxUsedBytes, usedBytes());
            try {
                Thread.sleep(INTERVAL_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops sampling and returns the most heap in use seen. */
    long stop() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join();
        return Math.max(maxUsedBytes, usedBytes());
    }

    /** Heap in use after a full collection; {@code System.gc()} is a request, hence twice. */
    long usedAfterGc() {
        System.gc();
        System.gc();
        return usedBytes();
    }

    /** The heap's limit ({@code -Xmx}), or -1 when it has none. */
    long maxBytes() {
        return memory.getHeapMemoryUsage().getMax();
    }

    private long usedBytes() {
        return memory.getHeapMemoryUsage().getUsed();
    }
}
