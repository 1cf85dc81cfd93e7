package io.dualwrite.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalStatsTest {

    private static final JournalOptions OPTIONS = JournalOptions.defaults().withFsync(FsyncMode.NEVER)
            .withSegmentBytes(8 * 1024);
    private static final int FRAME = RecordFrame.HEADER_BYTES + 1000;

    @TempDir
    Path dir;

    @Test
    void anEmptyJournalHasNoBacklog() throws IOException {
        try (Journal journal = Journal.open(dir, OPTIONS)) {
            JournalStats stats = journal.stats();
            assertThat(stats.pendingRecords()).isZero();
            assertThat(stats.pendingBytes()).isZero();
            assertThat(stats.oldestPendingMillis()).isZero();
            assertThat(stats.segments()).isEqualTo(1);
            assertThat(stats.failed()).isFalse();
        }
    }

    @Test
    void theBacklogIsCountedInRecordsBytesAndSegmentsFromTheCheckpoint() throws IOException {
        try (Journal journal = Journal.open(dir, OPTIONS)) {
            for (int i = 1; i <= 30; i++) {
                journal.append(Records.payload(i, 1000));
            }
            List<Records.Read> records = Records.pending(journal);
            JournalStats stats = journal.stats();
            assertThat(stats.pendingRecords()).isEqualTo(30);
            assertThat(stats.pendingBytes()).isEqualTo(30L * FRAME);
            assertThat(stats.segments()).isEqualTo(5);
            assertThat(stats.oldestPendingMillis()).isEqualTo(records.get(0).timestampMillis);
            assertThat(stats.appends()).isEqualTo(30);
            assertThat(stats.lastSequence()).isEqualTo(30);

            journal.checkpoint(10);
            stats = journal.stats();
            assertThat(stats.pendingRecords()).isEqualTo(20);
            assertThat(stats.pendingBytes()).isEqualTo(20L * FRAME);
            assertThat(stats.segments()).isEqualTo(4);
            assertThat(stats.checkpointed()).isEqualTo(10);
            assertThat(stats.oldestPendingMillis()).isEqualTo(records.get(10).timestampMillis);

            journal.checkpoint(30);
            stats = journal.stats();
            assertThat(stats.pendingRecords()).isZero();
            assertThat(stats.pendingBytes()).isZero();
            assertThat(stats.oldestPendingMillis()).isZero();
            assertThat(stats.segments()).isEqualTo(1);
        }
    }

    @Test
    void theBacklogIsKnownAgainAfterReopening() throws IOException {
        try (Journal journal = Journal.open(dir, OPTIONS)) {
            for (int i = 1; i <= 30; i++) {
                journal.append(Records.payload(i, 1000));
            }
            journal.checkpoint(12);
        }
        try (Journal journal = Journal.open(dir, OPTIONS)) {
            JournalStats stats = journal.stats();
            assertThat(stats.pendingRecords()).isEqualTo(18);
            assertThat(stats.pendingBytes()).isEqualTo(18L * FRAME);
            assertThat(stats.oldestPendingMillis()).isEqualTo(Records.pending(journal).get(0).timestampMillis);
            assertThat(stats.appends()).isZero();
        }
    }
}
