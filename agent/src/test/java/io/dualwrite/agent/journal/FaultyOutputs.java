package io.dualwrite.agent.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/** Segment files that count what reaches them and fail on demand, like a full or broken disk. */
final class FaultyOutputs implements SegmentOutput.Opener {

    /** Bytes writes may still take; a write past it writes what fits, then fails like a full disk. */
    volatile long writeBudget = Long.MAX_VALUE;
    volatile boolean failForce;
    volatile boolean failTruncate;
    /** When set, an fsync waits for it to open, after saying so through {@link #forceEntered}. */
    volatile CountDownLatch forceGate;
    final CountDownLatch forceEntered = new CountDownLatch(1);
    final AtomicLong written = new AtomicLong();
    final AtomicLong forced = new AtomicLong();
    final AtomicLong forces = new AtomicLong();

    @Override
    public SegmentOutput open(Path file, long position) throws IOException {
        FileSegmentOutput real = new FileSegmentOutput(file, position);
        return new SegmentOutput() {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                long budget = writeBudget;
                if (length > budget) {
                    real.write(bytes, offset, (int) budget);
                    writeBudget = 0;
                    throw new IOException("No space left on device");
                }
                real.write(bytes, offset, length);
                if (budget != Long.MAX_VALUE) {
                    writeBudget = budget - length;
                }
                written.addAndGet(length);
            }

            @Override
            public void force() throws IOException {
                if (failForce) {
                    throw new IOException("Input/output error");
                }
                CountDownLatch gate = forceGate;
                if (gate != null) {
                    forceEntered.countDown();
                    try {
                        gate.await();
                    } catch (InterruptedException e) {
                        throw new IOException("interrupted at the gate", e);
                    }
                }
                long before = written.get();
                real.force();
                forced.set(before);
                forces.incrementAndGet();
            }

            @Override
            public void truncate(long size) throws IOException {
                if (failTruncate) {
                    throw new IOException("Input/output error");
                }
                real.truncate(size);
            }

            @Override
            public void close() throws IOException {
                real.close();
            }
        };
    }
}
