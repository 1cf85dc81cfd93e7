package io.dualwrite.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JournalRoundTripTest {

    private static final JournalOptions SMALL_SEGMENTS = JournalOptions.defaults().withFsync(FsyncMode.NEVER)
            .withSegmentBytes(16 * 1024);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(FsyncMode.class)
    void recordsOfEverySizeComeBackWholeAndInOrderAcrossSegments(FsyncMode mode) throws IOException {
        List<byte[]> written = new ArrayList<>();
        written.add(new byte[0]);
        written.add(new byte[] {42});
        written.add(Records.payload(3, 1024 * 1024));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 300; i++) {
            written.add(Records.payload(i, random.nextInt(0, 3000)));
        }
        written.add(new byte[0]);

        try (Journal journal = Journal.open(dir, SMALL_SEGMENTS.withFsync(mode).withGroupCommitMillis(0))) {
            for (int i = 0; i < written.size(); i++) {
                assertThat(journal.append(written.get(i))).isEqualTo(i + 1);
            }
            assertRead(journal, written);
        }
        try (Journal reopened = Journal.open(dir, SMALL_SEGMENTS)) {
            assertThat(reopened.recovery().damaged()).isFalse();
            assertRead(reopened, written);
        }
        assertThat(segmentNames()).hasSizeGreaterThan(20);
    }

    private static void assertRead(Journal journal, List<byte[]> written) throws IOException {
        List<Records.Read> read = Records.pending(journal);
        assertThat(Records.sequences(read)).isEqualTo(Records.range(1, written.size()));
        for (int i = 0; i < written.size(); i++) {
            assertThat(read.get(i).payload).as("record %d", i + 1).isEqualTo(written.get(i));
        }
    }

    @Test
    void sequenceNumbersStartAtOneAndFollowEachOther() throws IOException {
        try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
            assertThat(journal.lastSequence()).isZero();
            assertThat(journal.append(new byte[] {1})).isEqualTo(1);
            assertThat(journal.append(new byte[] {2})).isEqualTo(2);
            assertThat(journal.append(new byte[] {3})).isEqualTo(3);
            assertThat(journal.lastSequence()).isEqualTo(3);
        }
    }

    @Test
    void eachRecordCarriesTheTimeItWasAppended() throws IOException, InterruptedException {
        List<long[]> windows = new ArrayList<>();
        try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
            for (int i = 0; i < 5; i++) {
                long before = System.currentTimeMillis();
                journal.append(Records.payload(i, 10));
                windows.add(new long[] {before, System.currentTimeMillis()});
                Thread.sleep(3);
            }
            List<Records.Read> read = Records.pending(journal);
            for (int i = 0; i < 5; i++) {
                assertThat(read.get(i).timestampMillis).isBetween(windows.get(i)[0], windows.get(i)[1]);
            }
        }
    }

    @Test
    void appendAllNumbersItsRecordsConsecutivelyAndReturnsTheFirst() throws IOException {
        try (Journal journal = Journal.open(dir, SMALL_SEGMENTS.withFsync(FsyncMode.BATCH))) {
            journal.append(new byte[] {0});
            List<byte[]> batch = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                batch.add(Records.payload(i, 500));
            }
            assertThat(journal.appendAll(batch)).isEqualTo(2);
            assertThat(journal.lastSequence()).isEqualTo(101);
            List<Records.Read> read = Records.pending(journal);
            assertThat(read.get(100).payload).isEqualTo(batch.get(99));
        }
    }

    @Test
    void theCallersArrayMayChangeOnceAppendReturned() throws IOException {
        try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
            byte[] payload = {1, 2, 3};
            journal.append(payload);
            payload[0] = 9;
            assertThat(Records.pending(journal).get(0).payload).containsExactly(1, 2, 3);
        }
    }

    @Test
    void aRecordLargerThanASegmentGetsASegmentOfItsOwn() throws IOException {
        try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
            journal.append(new byte[100]);
            journal.append(Records.payload(1, 50_000));
            journal.append(new byte[100]);
            assertThat(Records.pending(journal)).hasSize(3);
        }
        assertThat(segmentNames()).containsExactly("segment-00000000000000000001.log",
                "segment-00000000000000000002.log", "segment-00000000000000000003.log");
    }

    @Test
    void segmentsAreNamedByTheirFirstSequenceSoThatNameOrderIsRecordOrder() throws IOException {
        try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
            for (int i = 0; i < 100; i++) {
                journal.append(Records.payload(i, 1000));
            }
        }
        List<String> names = segmentNames();
        assertThat(names).first().isEqualTo("segment-00000000000000000001.log");
        assertThat(names).allMatch(name -> name.matches("segment-\\d{20}\\.log"));
        List<Long> firsts = names.stream().map(name -> Long.parseLong(name.substring(8, 28)))
                .collect(Collectors.toList());
        assertThat(firsts).isSorted().doesNotHaveDuplicates();
        assertThat(names).allSatisfy(name -> assertThat(Files.size(dir.resolve(name))).isLessThanOrEqualTo(16 * 1024));
    }

    @Test
    void pendingSeesWhatWasAppendedBeforeItWasOpenedAndNothingLater() throws IOException {
        try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
            journal.append(new byte[] {1});
            journal.append(new byte[] {2});
            try (JournalCursor cursor = journal.pending()) {
                journal.append(new byte[] {3});
                assertThat(cursor.next()).isTrue();
                assertThat(cursor.next()).isTrue();
                assertThat(cursor.sequence()).isEqualTo(2);
                assertThat(cursor.next()).isFalse();
            }
            assertThat(Records.pending(journal)).hasSize(3);
        }
    }

    @Test
    void anEmptyJournalHasNothingPending() throws IOException {
        try (Journal journal = Journal.open(dir.resolve("new/journal"), SMALL_SEGMENTS)) {
            assertThat(Records.pending(journal)).isEmpty();
            assertThat(journal.recovery().damaged()).isFalse();
            assertThat(journal.recovery().recordsKept()).isZero();
        }
    }

    @Test
    void aCursorHasNoRecordBeforeNextNorAfterItsEnd() throws IOException {
        try (Journal journal = Journal.open(dir, SMALL_SEGMENTS)) {
            journal.append(new byte[] {1});
            try (JournalCursor cursor = journal.pending()) {
                assertThatThrownBy(cursor::sequence).isInstanceOf(IllegalStateException.class);
                assertThat(cursor.next()).isTrue();
                assertThat(cursor.next()).isFalse();
                assertThat(cursor.next()).isFalse();
                assertThatThrownBy(cursor::payload).isInstanceOf(IllegalStateException.class);
            }
        }
    }

    @Test
    void closedJournalsRefuseAppendsAndCloseTwiceQuietly() throws IOException {
        Journal journal = Journal.open(dir, SMALL_SEGMENTS);
        journal.close();
        journal.close();
        assertThatThrownBy(() -> journal.append(new byte[1])).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }

    @Test
    void optionsRefuseSegmentsBelowTheMinimum() {
        assertThatThrownBy(() -> JournalOptions.defaults().withSegmentBytes(4095))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4096");
        assertThat(JournalOptions.defaults().fsync()).isEqualTo(FsyncMode.BATCH);
        assertThat(JournalOptions.defaults().segmentBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(JournalOptions.defaults().groupCommitMillis()).isEqualTo(2);
    }

    private List<String> segmentNames() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("segment-") && n.endsWith(".log"))
                    .sorted().collect(Collectors.toList());
        }
    }
}
