package io.dualwrite.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FsyncModeTest {

    @TempDir
    Path dir;

    private final FaultyOutputs outputs = new FaultyOutputs();

    private Journal open(FsyncMode mode, long groupCommitMillis) throws IOException {
        return Journal.open(dir, JournalOptions.defaults().withFsync(mode).withGroupCommitMillis(groupCommitMillis)
                .withOutputs(outputs));
    }

    @ParameterizedTest
    @EnumSource(value = FsyncMode.class, names = {"ALWAYS", "BATCH"})
    void anAppendReturnsOnlyOnceAnFsyncCoveredIt(FsyncMode mode) throws IOException {
        try (Journal journal = open(mode, 2)) {
            for (int i = 0; i < 20; i++) {
                journal.append(Records.payload(i, 200));
                assertThat(outputs.forced.get()).as("append %d", i).isEqualTo(outputs.written.get())
                        .isEqualTo((i + 1) * 224L);
            }
        }
    }

    @Test
    void alwaysFsyncsOncePerAppendEvenWhenAppendsComeTogether() throws Exception {
        try (Journal journal = open(FsyncMode.ALWAYS, 2)) {
            appendConcurrently(journal, 4, 50);
            assertThat(journal.stats().appends()).isEqualTo(200);
            assertThat(journal.stats().fsyncs()).isEqualTo(200);
        }
    }

    @Test
    void batchSharesOneFsyncAmongTheAppendsOfAGroupCommitWindow() throws Exception {
        try (Journal journal = open(FsyncMode.BATCH, 2)) {
            appendConcurrently(journal, 16, 100);
            JournalStats stats = journal.stats();
            assertThat(stats.appends()).isEqualTo(1600);
            assertThat(stats.fsyncs()).isPositive().isLessThan(stats.appends() / 4);
            assertThat(outputs.forced.get()).isEqualTo(1600 * 224L);
        }
    }

    @Test
    void neverWritesBeforeReturningButDoesNotFsyncUntilClose() throws IOException {
        Journal journal = open(FsyncMode.NEVER, 2);
        Path segment = dir.resolve("segment-00000000000000000001.log");
        for (int i = 0; i < 10; i++) {
            journal.append(Records.payload(i, 200));
            assertThat(Files.size(segment)).isEqualTo(SegmentHeader.BYTES + (i + 1) * 224L);
        }
        assertThat(journal.stats().fsyncs()).isZero();
        journal.close();
        assertThat(outputs.forces.get()).isEqualTo(1);
        assertThat(outputs.forced.get()).isEqualTo(2240);
    }

    @Test
    void closeFlushesAWaitingBatchWithoutWaitingForTheWindow() throws Exception {
        Journal journal = open(FsyncMode.BATCH, 10_000);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            // one append alone in the first fsync, two sharing the second: the flusher then gathers two appends
            CountDownLatch gate = new CountDownLatch(1);
            outputs.forceGate = gate;
            List<Future<Long>> first = new ArrayList<>();
            first.add(pool.submit(() -> journal.append(new byte[] {1})));
            outputs.forceEntered.await();
            first.add(pool.submit(() -> journal.append(new byte[] {2})));
            first.add(pool.submit(() -> journal.append(new byte[] {3})));
            while (journal.lastSequence() < 3) {
                Thread.onSpinWait();
            }
            outputs.forceGate = null;
            gate.countDown();
            for (Future<Long> append : first) {
                append.get(10, TimeUnit.SECONDS);
            }
            assertThat(outputs.forces.get()).isEqualTo(2);

            Future<Long> lone = pool.submit(() -> journal.append(new byte[] {4}));
            while (journal.lastSequence() < 4) {
                Thread.onSpinWait();
            }
            assertThat(lone.isDone()).isFalse();
            journal.close();
            assertThat(lone.get(5, TimeUnit.SECONDS)).isEqualTo(4);
            assertThat(outputs.forced.get()).isEqualTo(4 * 25);
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(FsyncMode.class)
    void anInterruptedApplicationThreadStillAppendsAndKeepsItsInterrupt(FsyncMode mode) throws Exception {
        try (Journal journal = Journal.open(dir, JournalOptions.defaults().withFsync(mode)
                .withSegmentBytes(4096))) {
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<Boolean> interrupted = pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        Thread.currentThread().interrupt();
                        journal.append(Records.payload(i, 200));
                    }
                    return Thread.interrupted();
                });
                assertThat(interrupted.get(20, TimeUnit.SECONDS)).isTrue();
            } finally {
                pool.shutdownNow();
            }
            assertThat(journal.append(new byte[] {1})).isEqualTo(101);
            assertThat(journal.stats().failed()).isFalse();
            assertThat(Records.pending(journal)).hasSize(101);
        }
    }

    @Test
    void anAppenderInterruptedWhileWaitingForItsGroupCommitStillGetsItsSequence() throws Exception {
        try (Journal journal = open(FsyncMode.BATCH, 2)) {
            CountDownLatch gate = new CountDownLatch(1);
            outputs.forceGate = gate;
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<long[]> outcome = pool.submit(() -> {
                    long sequence = journal.append(new byte[] {1});
                    return new long[] {sequence, Thread.interrupted() ? 1 : 0};
                });
                outputs.forceEntered.await();
                pool.shutdownNow(); // interrupts the appender waiting for the fsync
                Thread.sleep(20);
                assertThat(outcome.isDone()).isFalse();
                gate.countDown();
                assertThat(outcome.get(10, TimeUnit.SECONDS)).containsExactly(1, 1);
            } finally {
                gate.countDown();
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aLoneAppendIsFsyncedWithoutWaitingForTheWindowWhenTheLastBatchWasAsSmall() throws Exception {
        try (Journal journal = open(FsyncMode.BATCH, 10_000)) {
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<Long> lone = pool.submit(() -> journal.append(new byte[] {1}));
                assertThat(lone.get(30, TimeUnit.SECONDS)).isEqualTo(1);
                assertThat(outputs.forces.get()).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static void appendConcurrently(Journal journal, int threads, int each) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        journal.append(Records.payload(thread * 100_000L + i, 200));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
