package io.dualwrite.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalCheckpointTest {

    private static final JournalOptions OPTIONS = JournalOptions.defaults().withFsync(FsyncMode.NEVER)
            .withSegmentBytes(8 * 1024);

    @TempDir
    Path dir;

    @Test
    void reopeningContinuesTheSequence() throws IOException {
        try (Journal journal = Journal.open(dir, OPTIONS)) {
            append(journal, 50, 300);
        }
        try (Journal journal = Journal.open(dir, OPTIONS)) {
            assertThat(journal.lastSequence()).isEqualTo(50);
            assertThat(journal.append(new byte[] {7})).isEqualTo(51);
        }
        try (Journal journal = Journal.open(dir, OPTIONS)) {
            assertThat(Records.sequences(Records.pending(journal))).isEqualTo(Records.range(1, 51));
        }
    }

    @Test
    void theCheckpointSurvivesReopening() throws IOException {
        try (Journal journal = Journal.open(dir, OPTIONS)) {
            append(journal, 20, 100);
            journal.checkpoint(12);
            assertThat(journal.checkpointed()).isEqualTo(12);
        }
        try (Journal journal = Journal.open(dir, OPTIONS)) {
            assertThat(journal.checkpointed()).isEqualTo(12);
            assertThat(Records.sequences(Records.pending(journal))).isEqualTo(Records.range(13, 20));
        }
    }

    @Test
    void pendingAfterACheckpointStartsRightAfterIt() throws IOException {
        // large segments, so that the checkpoint falls far into one and the reader starts from its index
        try (Journal journal = Journal.open(dir, OPTIONS.withSegmentBytes(4 * 1024 * 1024))) {
            append(journal, 5000, 200);
            for (long checkpoint : new long[] {1, 2, 777, 3001, 4999}) {
                journal.checkpoint(checkpoint);
                List<Records.Read> pending = Records.pending(journal);
                assertThat(pending.get(0).sequence).isEqualTo(checkpoint + 1);
                assertThat(pending.get(0).payload).isEqualTo(Records.payload(checkpoint + 1, 200));
                assertThat(pending).hasSize((int) (5000 - checkpoint));
            }
            journal.checkpoint(5000);
            assertThat(Records.pending(journal)).isEmpty();
        }
    }

    @Test
    void fullyCheckpointedSegmentsAreDeletedAndTheOthersKept() throws IOException {
        try (Journal journal = Journal.open(dir, OPTIONS)) {
            append(journal, 100, 1000); // 7 records of 1024 bytes per 8 KiB segment
            List<String> before = segments();
            assertThat(before).hasSize(15).first().isEqualTo("segment-00000000000000000001.log");

            journal.checkpoint(15);
            assertThat(segments()).first().isEqualTo("segment-00000000000000000015.log");
            assertThat(segments()).hasSize(13);
            journal.checkpoint(20);
            assertThat(segments()).first().isEqualTo("segment-00000000000000000015.log");
            assertThat(journal.stats().segments()).isEqualTo(13);
        }
    }

    @Test
    void theLastSegmentStaysWhenEverythingIsCheckpointedSoNumberingGoesOn() throws IOException {
        try (Journal journal = Journal.open(dir, OPTIONS)) {
            append(journal, 100, 1000);
            journal.checkpoint(100);
            assertThat(segments()).containsExactly("segment-00000000000000000099.log");
        }
        try (Journal journal = Journal.open(dir, OPTIONS)) {
            assertThat(Records.pending(journal)).isEmpty();
            assertThat(journal.append(new byte[] {1})).isEqualTo(101);
            assertThat(Records.sequences(Records.pending(journal))).containsExactly(101L);
        }
    }

    @Test
    void aCheckpointAtOrBelowTheCurrentOneChangesNothing() throws IOException {
        try (Journal journal = Journal.open(dir, OPTIONS)) {
            append(journal, 10, 10);
            journal.checkpoint(8);
            journal.checkpoint(3);
            journal.checkpoint(8);
            assertThat(journal.checkpointed()).isEqualTo(8);
        }
    }

    @Test
    void aCheckpointPastTheLastRecordIsRefused() throws IOException {
        try (Journal journal = Journal.open(dir, OPTIONS)) {
            append(journal, 10, 10);
            assertThatThrownBy(() -> journal.checkpoint(11)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("11").hasMessageContaining("10");
            assertThat(journal.checkpointed()).isZero();
        }
    }

    @Test
    void aCursorOpenBeforeACheckpointGoesOnReading() throws IOException {
        try (Journal journal = Journal.open(dir, OPTIONS)) {
            append(journal, 100, 1000);
            try (JournalCursor cursor = journal.pending()) {
                long count = 0;
                while (cursor.next()) {
                    count++;
                    assertThat(cursor.payload()).isEqualTo(Records.payload(cursor.sequence(), 1000));
                    journal.checkpoint(cursor.sequence());
                }
                assertThat(count).isEqualTo(100);
            }
        }
    }

    @Test
    void aSecondJournalOnTheSameDirectoryIsRefused() throws IOException {
        Journal first = Journal.open(dir, OPTIONS);
        try {
            assertThatThrownBy(() -> Journal.open(dir, OPTIONS)).isInstanceOf(IOException.class)
                    .hasMessageContaining("already open");
        } finally {
            first.close();
        }
        Journal.open(dir, OPTIONS).close();
    }

    private static void append(Journal journal, int count, int size) throws IOException {
        for (int i = 1; i <= count; i++) {
            journal.append(Records.payload(i, size));
        }
    }

    private List<String> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("segment-\\d+\\.log"))
                    .sorted().collect(Collectors.toList());
        }
    }
}
