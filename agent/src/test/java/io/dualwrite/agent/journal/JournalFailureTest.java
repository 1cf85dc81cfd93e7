package io.dualwrite.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JournalFailureTest {

    private static final String SEGMENT = "segment-00000000000000000001.log";

    @TempDir
    Path dir;

    private final FaultyOutputs outputs = new FaultyOutputs();

    private Journal open(FsyncMode mode) throws IOException {
        return Journal.open(dir, JournalOptions.defaults().withFsync(mode).withGroupCommitMillis(1)
                .withOutputs(outputs));
    }

    @ParameterizedTest
    @EnumSource(FsyncMode.class)
    void aFailedWriteThrowsNamingTheFileAndTheCause(FsyncMode mode) throws IOException {
        try (Journal journal = open(mode)) {
            journal.append(new byte[100]);
            outputs.writeBudget = 0;
            assertThatThrownBy(() -> journal.append(new byte[100])).isInstanceOf(IOException.class)
                    .hasMessageContaining(dir.resolve(SEGMENT).toString())
                    .hasMessageContaining("No space left on device");
        }
    }

    @ParameterizedTest
    @EnumSource(FsyncMode.class)
    void afterAFailedWriteAppendsAreRefusedUntilTheJournalIsOpenedAgain(FsyncMode mode) throws IOException {
        try (Journal journal = open(mode)) {
            journal.append(Records.payload(1, 100));
            outputs.writeBudget = 0;
            assertThatThrownBy(() -> journal.append(new byte[100])).isInstanceOf(IOException.class);
            outputs.writeBudget = Long.MAX_VALUE;
            assertThatThrownBy(() -> journal.append(new byte[100])).isInstanceOf(IOException.class)
                    .hasMessageContaining("refuses appends").hasMessageContaining("No space left on device");
            assertThat(journal.stats().failed()).isTrue();
            assertThat(Records.sequences(Records.pending(journal))).containsExactly(1L);
        }
        try (Journal reopened = Journal.open(dir, JournalOptions.defaults().withFsync(mode))) {
            assertThat(reopened.recovery().damaged()).isFalse();
            assertThat(reopened.append(Records.payload(2, 100))).isEqualTo(2);
            assertThat(Records.sequences(Records.pending(reopened))).containsExactly(1L, 2L);
        }
    }

    @Test
    void aWriteCutShortLeavesNoPartOfTheRecordBehind() throws IOException {
        try (Journal journal = open(FsyncMode.ALWAYS)) {
            journal.append(Records.payload(1, 100));
            outputs.writeBudget = 50;
            assertThatThrownBy(() -> journal.append(new byte[100])).isInstanceOf(IOException.class);
        }
        assertThat(Files.size(dir.resolve(SEGMENT))).isEqualTo(SegmentHeader.BYTES + 124);
        try (Journal reopened = Journal.open(dir, JournalOptions.defaults())) {
            assertThat(reopened.recovery().damaged()).isFalse();
            assertThat(Records.pending(reopened)).hasSize(1);
        }
    }

    @Test
    void aWriteCutShortThatCannotBeUndoneIsCutWhenTheJournalIsOpenedAgain() throws IOException {
        try (Journal journal = open(FsyncMode.ALWAYS)) {
            journal.append(Records.payload(1, 100));
            outputs.writeBudget = 50;
            outputs.failTruncate = true;
            assertThatThrownBy(() -> journal.append(new byte[100])).isInstanceOf(IOException.class)
                    .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
        }
        try (Journal reopened = Journal.open(dir, JournalOptions.defaults())) {
            assertThat(reopened.recovery().damages()).singleElement()
                    .satisfies(damage -> assertThat(damage.bytesIgnored()).isEqualTo(50));
            assertThat(Records.pending(reopened)).hasSize(1);
            assertThat(reopened.append(new byte[0])).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(value = FsyncMode.class, names = {"ALWAYS", "BATCH"})
    void aFailedFsyncIsNotReportedAsAnAppend(FsyncMode mode) throws IOException {
        try (Journal journal = open(mode)) {
            journal.append(new byte[10]);
            outputs.failForce = true;
            assertThatThrownBy(() -> journal.append(new byte[10])).isInstanceOf(IOException.class)
                    .hasMessageContaining("cannot fsync journal segment " + dir.resolve(SEGMENT))
                    .hasMessageContaining("Input/output error");
            outputs.failForce = false;
            assertThatThrownBy(() -> journal.append(new byte[10])).hasMessageContaining("refuses appends");
        }
    }

    @Test
    void everyAppenderWaitingOnAFailedGroupCommitIsToldAndEveryReturnedAppendIsKept() throws Exception {
        Set<Long> returned = ConcurrentHashMap.newKeySet();
        AtomicInteger failures = new AtomicInteger();
        try (Journal journal = open(FsyncMode.BATCH)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < 1000; i++) {
                            try {
                                returned.add(journal.append(Records.payload(i, 200)));
                            } catch (IOException e) {
                                failures.incrementAndGet();
                                return null;
                            }
                        }
                        return null;
                    }));
                }
                while (returned.size() < 200) {
                    Thread.onSpinWait();
                }
                outputs.failForce = true;
                for (Future<?> future : done) {
                    future.get(30, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(failures.get()).isEqualTo(8);
        }
        try (Journal reopened = Journal.open(dir, JournalOptions.defaults())) {
            assertThat(Records.sequences(Records.pending(reopened))).containsAll(returned);
        }
    }
}
