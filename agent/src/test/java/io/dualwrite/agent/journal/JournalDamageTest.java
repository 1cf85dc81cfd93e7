package io.dualwrite.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalDamageTest {

    private static final JournalOptions OPTIONS = JournalOptions.defaults().withFsync(FsyncMode.NEVER);
    private static final String FIRST_SEGMENT = "segment-00000000000000000001.log";
    private static final int RECORDS = 24;

    @TempDir
    Path dir;

    /** The bytes of a one-segment journal of {@link #RECORDS} records, and where each record starts. */
    private byte[] pristine;
    private final long[] starts = new long[RECORDS + 1];

    @BeforeEach
    void writePristineJournal() throws IOException {
        Path source = dir.resolve("pristine");
        try (Journal journal = Journal.open(source, OPTIONS)) {
            starts[0] = SegmentHeader.BYTES;
            for (int i = 0; i < RECORDS; i++) {
                int size = payloadSize(i);
                journal.append(Records.payload(i + 1, size));
                starts[i + 1] = starts[i] + RecordFrame.HEADER_BYTES + size;
            }
        }
        pristine = Files.readAllBytes(source.resolve(FIRST_SEGMENT));
        assertThat(pristine).hasSize((int) starts[RECORDS]);
    }

    private static int payloadSize(int index) {
        return index == 1 ? 0 : (index * 7) % 40;
    }

    @Test
    void aJournalCutAtEveryByteOffsetReadsBackExactlyTheWholeRecordsBeforeTheCut() throws Exception {
        inParallel(pristine.length + 1, this::checkCutAt);
    }

    private void checkCutAt(int cut) throws IOException {
        Path journalDir = dir.resolve("cut-" + cut);
        Files.createDirectories(journalDir);
        Files.write(journalDir.resolve(FIRST_SEGMENT), Arrays.copyOf(pristine, cut));

        int whole = 0;
        while (whole < RECORDS && starts[whole + 1] <= cut) {
            whole++;
        }
        boolean atBoundary = cut >= SegmentHeader.BYTES && starts[whole] == cut;
        try (Journal journal = Journal.open(journalDir, OPTIONS)) {
            assertWholeRecords(journal, whole, "cut at " + cut);
            RecoveryReport report = journal.recovery();
            assertThat(report.damaged()).as("cut at %d damaged", cut).isEqualTo(!atBoundary);
            if (!atBoundary) {
                Damage damage = report.damages().get(0);
                if (cut < SegmentHeader.BYTES) {
                    assertThat(damage.kind()).isEqualTo(DamageKind.TORN_SEGMENT_HEADER);
                    assertThat(Files.readAllBytes(damage.movedTo())).isEqualTo(Arrays.copyOf(pristine, cut));
                } else {
                    assertThat(damage.kind()).as("cut at %d", cut)
                            .isIn(DamageKind.TORN_RECORD_HEADER, DamageKind.LENGTH_PAST_END);
                    assertThat(damage.offset()).isEqualTo(starts[whole]);
                    assertThat(damage.bytesIgnored()).isEqualTo(cut - starts[whole]);
                    assertThat(Files.readAllBytes(damage.movedTo()))
                            .isEqualTo(Arrays.copyOfRange(pristine, (int) starts[whole], cut));
                }
            }
            assertThat(journal.append(new byte[] {1, 2, 3})).isEqualTo(whole + 1);
        }
        try (Journal reopened = Journal.open(journalDir, OPTIONS)) {
            assertThat(reopened.recovery().damaged()).as("cut at %d, reopened", cut).isFalse();
            assertThat(Records.sequences(Records.pending(reopened))).isEqualTo(Records.range(1, whole + 1));
        }
    }

    @Test
    void aFlippedBitInAnyRecordKeepsExactlyTheRecordsBeforeIt() throws Exception {
        List<int[]> flips = new ArrayList<>();
        for (int at = SegmentHeader.BYTES; at < pristine.length; at++) {
            flips.add(new int[] {at, at % 8});
        }
        for (int at = (int) starts[2]; at < starts[3]; at++) {
            for (int bit = 0; bit < 8; bit++) {
                flips.add(new int[] {at, bit});
            }
        }
        inParallel(flips.size(), n -> checkFlip(n, flips.get(n)));
    }

    private void checkFlip(int n, int[] flip) throws IOException {
        int at = flip[0];
        byte[] damaged = pristine.clone();
        damaged[at] ^= (byte) (1 << flip[1]);
        Path journalDir = dir.resolve("flip-" + n);
        Files.createDirectories(journalDir);
        Files.write(journalDir.resolve(FIRST_SEGMENT), damaged);

        int hit = 0;
        while (starts[hit + 1] <= at) {
            hit++;
        }
        String what = "bit " + flip[1] + " of byte " + at + " (record " + (hit + 1) + ")";
        try (Journal journal = Journal.open(journalDir, OPTIONS)) {
            assertWholeRecords(journal, hit, what);
            Damage damage = journal.recovery().damages().get(0);
            assertThat(damage.file().getFileName().toString()).as(what).isEqualTo(FIRST_SEGMENT);
            assertThat(damage.offset()).as(what).isEqualTo(starts[hit]);
            assertThat(damage.kind()).as(what).isIn(DamageKind.CRC_MISMATCH, DamageKind.LENGTH_PAST_END,
                    DamageKind.BAD_LENGTH);
            assertThat(Files.readAllBytes(damage.movedTo())).as(what)
                    .isEqualTo(Arrays.copyOfRange(damaged, (int) starts[hit], damaged.length));
            assertThat(journal.append(new byte[] {9})).as(what).isEqualTo(hit + 1);
        }
    }

    private void assertWholeRecords(Journal journal, int count, String what) throws IOException {
        List<Records.Read> read = Records.pending(journal);
        assertThat(Records.sequences(read)).as(what).isEqualTo(Records.range(1, count));
        for (int i = 0; i < count; i++) {
            assertThat(read.get(i).payload).as(what).isEqualTo(Records.payload(i + 1, payloadSize(i)));
        }
        assertThat(journal.lastSequence()).as(what).isEqualTo(count);
    }

    @Test
    void aTornTailIsCutAtTheLastWholeRecordAndReported() throws IOException {
        Path journalDir = dir.resolve("torn");
        Files.createDirectories(journalDir);
        int cut = (int) starts[10] + 30;
        Files.write(journalDir.resolve(FIRST_SEGMENT), Arrays.copyOf(pristine, cut));

        try (Journal journal = Journal.open(journalDir, OPTIONS)) {
            RecoveryReport report = journal.recovery();
            assertThat(report.damaged()).isTrue();
            assertThat(report.recordsKept()).isEqualTo(10);
            assertThat(report.bytesIgnored()).isEqualTo(30);
            assertThat(report.describe()).contains(FIRST_SEGMENT, "offset " + starts[10], "30 bytes ignored",
                    DamageKind.LENGTH_PAST_END.meaning(), "record 11", FIRST_SEGMENT + ".at-" + starts[10] + ".damaged");
            assertThat(Files.size(journalDir.resolve(FIRST_SEGMENT))).isEqualTo(starts[10]);
            assertThat(Files.readAllBytes(journalDir.resolve(FIRST_SEGMENT + ".at-" + starts[10] + ".damaged")))
                    .isEqualTo(Arrays.copyOfRange(pristine, (int) starts[10], cut));
        }
    }

    @Test
    void aTailOfZerosLeftByACrashIsCut() throws IOException {
        Path journalDir = dir.resolve("zeros");
        Files.createDirectories(journalDir);
        byte[] withZeros = Arrays.copyOf(pristine, pristine.length + 4096);
        Files.write(journalDir.resolve(FIRST_SEGMENT), withZeros);
        try (Journal journal = Journal.open(journalDir, OPTIONS)) {
            assertWholeRecords(journal, RECORDS, "zeros");
            assertThat(journal.recovery().damages()).singleElement().satisfies(damage -> {
                assertThat(damage.kind()).isEqualTo(DamageKind.CRC_MISMATCH);
                assertThat(damage.offset()).isEqualTo(pristine.length);
                assertThat(damage.bytesIgnored()).isEqualTo(4096);
            });
        }
    }

    @Test
    void aRecordWhoseSequenceDoesNotFollowEndsTheTrustedPart() throws IOException {
        Path journalDir = dir.resolve("gap");
        Files.createDirectories(journalDir);
        byte[] sound = Arrays.copyOf(pristine, (int) starts[5]);
        byte[] payload = Records.payload(99, 10);
        byte[] frame = new byte[RecordFrame.size(payload.length)];
        CRC32C crc = new CRC32C();
        crc.update(payload);
        RecordFrame.encode(frame, 0, 7, System.currentTimeMillis(), payload, crc);
        Files.write(journalDir.resolve(FIRST_SEGMENT), concat(sound, frame));

        try (Journal journal = Journal.open(journalDir, OPTIONS)) {
            assertWholeRecords(journal, 5, "gap");
            Damage damage = journal.recovery().damages().get(0);
            assertThat(damage.kind()).isEqualTo(DamageKind.SEQUENCE_GAP);
            assertThat(damage.detail()).contains("record 6 was expected", "sequence 7");
            assertThat(journal.append(new byte[0])).isEqualTo(6);
        }
    }

    @Test
    void segmentsAfterTheDamageAreSetAsideWholeAndAppendsFollowTheGoodRecords() throws IOException {
        Path journalDir = dir.resolve("segments");
        JournalOptions small = OPTIONS.withSegmentBytes(8 * 1024);
        try (Journal journal = Journal.open(journalDir, small)) {
            for (int i = 1; i <= 40; i++) {
                journal.append(Records.payload(i, 1000));
            }
        }
        // segments start at 1, 8, 15, 22, 29, 36; record 10 is the third of the second one
        Path second = journalDir.resolve("segment-00000000000000000008.log");
        long tenth = SegmentHeader.BYTES + 2 * 1024;
        flipBit(second, tenth + 500);

        try (Journal journal = Journal.open(journalDir, small)) {
            RecoveryReport report = journal.recovery();
            assertThat(report.recordsKept()).isEqualTo(9);
            assertThat(report.damages()).extracting(Damage::kind).containsExactly(DamageKind.CRC_MISMATCH,
                    DamageKind.AFTER_EARLIER_DAMAGE, DamageKind.AFTER_EARLIER_DAMAGE, DamageKind.AFTER_EARLIER_DAMAGE,
                    DamageKind.AFTER_EARLIER_DAMAGE);
            assertThat(report.damages().get(0).offset()).isEqualTo(tenth);
            assertThat(report.damages().get(0).bytesIgnored()).isEqualTo(5 * 1024);
            assertThat(names(journalDir)).contains("segment-00000000000000000008.log.at-" + tenth + ".damaged",
                    "segment-00000000000000000015.log.damaged", "segment-00000000000000000036.log.damaged")
                    .doesNotContain("segment-00000000000000000015.log");
            assertThat(Records.sequences(Records.pending(journal))).isEqualTo(Records.range(1, 9));
            assertThat(journal.append(Records.payload(10, 1000))).isEqualTo(10);
            assertThat(Files.size(second)).isEqualTo(tenth + 1024);
        }
        try (Journal journal = Journal.open(journalDir, small)) {
            assertThat(journal.recovery().damaged()).isFalse();
            assertThat(Records.sequences(Records.pending(journal))).isEqualTo(Records.range(1, 10));
        }
    }

    @Test
    void aMissingSegmentEndsTheTrustedPartAtTheGap() throws IOException {
        Path journalDir = dir.resolve("missing");
        JournalOptions small = OPTIONS.withSegmentBytes(8 * 1024);
        try (Journal journal = Journal.open(journalDir, small)) {
            for (int i = 1; i <= 30; i++) {
                journal.append(Records.payload(i, 1000));
            }
        }
        Files.delete(journalDir.resolve("segment-00000000000000000008.log"));
        try (Journal journal = Journal.open(journalDir, small)) {
            Damage gap = journal.recovery().damages().get(0);
            assertThat(gap.kind()).isEqualTo(DamageKind.SEQUENCE_GAP);
            assertThat(gap.file().getFileName().toString()).isEqualTo("segment-00000000000000000015.log");
            assertThat(gap.detail()).contains("starts at sequence 15 where 8 was expected");
            assertThat(Records.sequences(Records.pending(journal))).isEqualTo(Records.range(1, 7));
            assertThat(journal.append(new byte[0])).isEqualTo(8);
        }
    }

    @Test
    void recordsMissingBeforeTheFirstSegmentAreReportedAndTheRestKept() throws IOException {
        Path journalDir = dir.resolve("missing-first");
        JournalOptions small = OPTIONS.withSegmentBytes(8 * 1024);
        try (Journal journal = Journal.open(journalDir, small)) {
            for (int i = 1; i <= 20; i++) {
                journal.append(Records.payload(i, 1000));
            }
        }
        Files.delete(journalDir.resolve(FIRST_SEGMENT));
        try (Journal journal = Journal.open(journalDir, small)) {
            assertThat(journal.recovery().damages()).singleElement().satisfies(damage -> {
                assertThat(damage.kind()).isEqualTo(DamageKind.MISSING_RECORDS);
                assertThat(damage.detail()).contains("records 1 to 7");
            });
            assertThat(Records.sequences(Records.pending(journal))).isEqualTo(Records.range(8, 20));
        }
    }

    @Test
    void aForeignFileNamedLikeASegmentIsSetAsideNotRead() throws IOException {
        Path journalDir = dir.resolve("foreign");
        Files.createDirectories(journalDir);
        byte[] foreign = "this is not a journal segment, but a file someone put here".getBytes("UTF-8");
        Files.write(journalDir.resolve(FIRST_SEGMENT), foreign);
        try (Journal journal = Journal.open(journalDir, OPTIONS)) {
            Damage damage = journal.recovery().damages().get(0);
            assertThat(damage.kind()).isEqualTo(DamageKind.BAD_MAGIC);
            assertThat(Files.readAllBytes(damage.movedTo())).isEqualTo(foreign);
            assertThat(Records.pending(journal)).isEmpty();
            assertThat(journal.append(new byte[0])).isEqualTo(1);
        }
    }

    @Test
    void aSegmentOfANewerFormatIsRefusedAndLeftAlone() throws IOException {
        Path journalDir = dir.resolve("future");
        Files.createDirectories(journalDir);
        byte[] future = pristine.clone();
        future[5] = 2;
        Files.write(journalDir.resolve(FIRST_SEGMENT), future);
        assertThatThrownBy(() -> Journal.open(journalDir, OPTIONS)).isInstanceOf(IOException.class)
                .hasMessageContaining("format version 2").hasMessageContaining(FIRST_SEGMENT);
        assertThat(Files.readAllBytes(journalDir.resolve(FIRST_SEGMENT))).isEqualTo(future);
        assertThat(names(journalDir)).noneMatch(name -> name.endsWith(".damaged"));
    }

    @Test
    void aFlippedBitInASegmentHeaderSetsTheSegmentAside() throws IOException {
        Path journalDir = dir.resolve("header");
        Files.createDirectories(journalDir);
        byte[] damaged = pristine.clone();
        damaged[12] ^= 4;
        Files.write(journalDir.resolve(FIRST_SEGMENT), damaged);
        try (Journal journal = Journal.open(journalDir, OPTIONS)) {
            assertThat(journal.recovery().damages()).singleElement().satisfies(damage -> {
                assertThat(damage.kind()).isEqualTo(DamageKind.CRC_MISMATCH);
                assertThat(damage.bytesIgnored()).isEqualTo(pristine.length);
            });
            assertThat(journal.append(new byte[0])).isEqualTo(1);
        }
    }

    @Test
    void aDamagedCheckpointIsReportedAndEveryRecordOnDiskIsPendingAgain() throws IOException {
        Path journalDir = dir.resolve("checkpoint");
        JournalOptions small = OPTIONS.withSegmentBytes(8 * 1024);
        try (Journal journal = Journal.open(journalDir, small)) {
            for (int i = 1; i <= 30; i++) {
                journal.append(Records.payload(i, 1000));
            }
            journal.checkpoint(20);
        }
        flipBit(journalDir.resolve("checkpoint"), 10);
        try (Journal journal = Journal.open(journalDir, small)) {
            Damage damage = journal.recovery().damages().get(0);
            assertThat(damage.kind()).isEqualTo(DamageKind.CHECKPOINT_UNREADABLE);
            assertThat(damage.movedTo().getFileName().toString()).isEqualTo("checkpoint.damaged");
            assertThat(journal.checkpointed()).isEqualTo(14);
            assertThat(Records.sequences(Records.pending(journal))).isEqualTo(Records.range(15, 30));
        }
        try (Journal journal = Journal.open(journalDir, small)) {
            assertThat(journal.recovery().damaged()).isFalse();
            assertThat(journal.checkpointed()).isEqualTo(14);
        }
    }

    @Test
    void aCleanJournalReportsNoDamage() throws IOException {
        try (Journal journal = Journal.open(dir.resolve("pristine"), OPTIONS)) {
            RecoveryReport report = journal.recovery();
            assertThat(report.damaged()).isFalse();
            assertThat(report.recordsKept()).isEqualTo(RECORDS);
            assertThat(report.describe()).contains(RECORDS + " records kept in 1 segment", "no damage");
        }
    }

    @Test
    void aRecordDamagedAfterOpeningMakesTheCursorThrowNamingFileAndOffset() throws IOException {
        Path journalDir = dir.resolve("pristine");
        try (Journal journal = Journal.open(journalDir, OPTIONS)) {
            flipBit(journalDir.resolve(FIRST_SEGMENT), starts[3] + 2);
            try (JournalCursor cursor = journal.pending()) {
                assertThat(cursor.next()).isTrue();
                assertThat(cursor.next()).isTrue();
                assertThat(cursor.next()).isTrue();
                assertThatThrownBy(cursor::next).isInstanceOf(IOException.class)
                        .hasMessageContaining(FIRST_SEGMENT).hasMessageContaining("offset " + starts[3]);
            }
        }
    }

    private interface Case {
        void check(int n) throws IOException;
    }

    /** Runs the cases on a few threads: each one waits mostly for the fsyncs of recovery. */
    private static void inParallel(int cases, Case check) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int n = 0; n < cases; n++) {
                int each = n;
                results.add(pool.submit(() -> {
                    check.check(each);
                    return null;
                }));
            }
            for (Future<?> result : results) {
                try {
                    result.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof AssertionError) {
                        throw (AssertionError) e.getCause();
                    }
                    throw e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void flipBit(Path file, long offset) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) offset] ^= 1;
        Files.write(file, bytes, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
