package io.dualwrite.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JournalConcurrencyTest {

    private static final int THREADS = 8;
    private static final int EACH = 10_000;

    @TempDir
    Path dir;

    /** ALWAYS is left out only for time: it takes one fsync per record, 80,000 of them. */
    @ParameterizedTest
    @EnumSource(value = FsyncMode.class, names = {"BATCH", "NEVER"})
    void eightThreadsAppendingTenThousandRecordsEachAreAllReadBackOnceInOrder(FsyncMode mode) throws Exception {
        JournalOptions options = JournalOptions.defaults().withFsync(mode).withGroupCommitMillis(0)
                .withSegmentBytes(256 * 1024);
        long[][] returned = new long[THREADS][EACH];
        try (Journal journal = Journal.open(dir, options)) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < EACH; i++) {
                            returned[thread][i] = journal.append(Records.tagged(thread, i, 8 + (i % 300)));
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> future : done) {
                    future.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(journal.lastSequence()).isEqualTo(THREADS * EACH);
        }

        try (Journal reopened = Journal.open(dir, options)) {
            assertThat(reopened.recovery().damaged()).isFalse();
            int[] nextOfThread = new int[THREADS];
            long expected = 1;
            try (JournalCursor cursor = reopened.pending()) {
                while (cursor.next()) {
                    assertThat(cursor.sequence()).isEqualTo(expected++);
                    int thread = Records.thread(cursor.payload());
                    int index = Records.index(cursor.payload());
                    assertThat(index).as("thread %d's records in its own order", thread).isEqualTo(nextOfThread[thread]);
                    assertThat(cursor.payload()).hasSize(8 + (index % 300));
                    assertThat(returned[thread][index]).as("the sequence append returned").isEqualTo(cursor.sequence());
                    nextOfThread[thread]++;
                }
            }
            assertThat(expected - 1).isEqualTo(THREADS * EACH);
            for (int t = 0; t < THREADS; t++) {
                assertThat(nextOfThread[t]).as("records of thread %d", t).isEqualTo(EACH);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = FsyncMode.class, names = {"BATCH", "NEVER"})
    void readersAndCheckpointsRunAlongsideAppends(FsyncMode mode) throws Exception {
        JournalOptions options = JournalOptions.defaults().withFsync(mode).withGroupCommitMillis(0)
                .withSegmentBytes(16 * 1024);
        try (Journal journal = Journal.open(dir, options)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> writers = new ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    int thread = t;
                    writers.add(pool.submit(() -> {
                        for (int i = 0; i < 2000; i++) {
                            journal.append(Records.tagged(thread, i, 200));
                        }
                        return null;
                    }));
                }
                Future<Long> replayer = pool.submit(() -> {
                    long replayed = 0;
                    while (replayed < 6000) {
                        try (JournalCursor cursor = journal.pending()) {
                            long expected = journal.checkpointed() + 1;
                            while (cursor.next()) {
                                assertThat(cursor.sequence()).isEqualTo(expected++);
                                replayed = cursor.sequence();
                                if (replayed % 100 == 0) {
                                    journal.checkpoint(replayed);
                                }
                            }
                        }
                        journal.checkpoint(replayed);
                        assertThat(journal.stats().pendingRecords()).isNotNegative();
                    }
                    return replayed;
                });
                for (Future<?> writer : writers) {
                    writer.get(60, TimeUnit.SECONDS);
                }
                assertThat(replayer.get(60, TimeUnit.SECONDS)).isEqualTo(6000);
            } finally {
                pool.shutdownNow();
            }
            JournalStats stats = journal.stats();
            assertThat(stats.pendingRecords()).isZero();
            assertThat(stats.pendingBytes()).isZero();
            assertThat(stats.segments()).isEqualTo(1);
        }
    }

}
