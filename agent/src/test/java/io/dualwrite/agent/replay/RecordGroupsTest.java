package io.dualwrite.agent.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.agent.capture.Parameter;
import io.dualwrite.agent.capture.Setter;
import io.dualwrite.agent.codec.UnappliedWrites;
import io.dualwrite.agent.codec.WriteCodec;
import io.dualwrite.agent.journal.FsyncMode;
import io.dualwrite.agent.journal.Journal;
import io.dualwrite.agent.journal.JournalOptions;
import io.dualwrite.agent.write.MirroredWrite;
import io.dualwrite.agent.write.PreparedWrite;
import io.dualwrite.agent.write.StatementWrite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordGroupsTest {

    @TempDir
    Path dir;

    private static byte[] insertOf(int rows) throws Exception {
        List<Parameter[]> values = new ArrayList<>();
        for (long id = 0; id < rows; id++) {
            values.add(new Parameter[] {Parameter.restore(Setter.forKey("setLong(IJ)V"), new Object[] {1, id})});
        }
        return record(new PreparedWrite("INSERT INTO t (id) VALUES (?)", "INSERT t", values, rows > 1));
    }

    private static byte[] insertOfText(int chars) throws Exception {
        Parameter[] row = {Parameter.restore(Setter.forKey("setString(ILjava/lang/String;)V"),
                new Object[] {1, "x".repeat(chars)})};
        return record(new PreparedWrite("INSERT INTO t (text) VALUES (?)", "INSERT t", List.<Parameter[]>of(row),
                false));
    }

    private static byte[] statements(String... sql) throws Exception {
        return record(new StatementWrite(List.of(sql), "statement", sql.length > 1));
    }

    private static byte[] record(MirroredWrite write) throws Exception {
        return WriteCodec.encode(new UnappliedWrites("connection-1", "SQLException SQLState 08001", List.of(write)));
    }

    /** The sequences of each group the journal's pending records are read in. */
    private List<List<Long>> groups(GroupLimits limits, byte[]... records) throws Exception {
        JournalOptions options = JournalOptions.defaults().withFsync(FsyncMode.NEVER);
        try (Journal journal = Journal.open(dir.resolve("journal"), options)) {
            for (byte[] record : records) {
                journal.append(record);
            }
            List<List<Long>> groups = new ArrayList<>();
            try (RecordGroups pending = new RecordGroups(journal.pending(), limits)) {
                for (List<PendingRecord> group; !(group = pending.next()).isEmpty(); ) {
                    groups.add(group.stream().map(record -> record.sequence).collect(Collectors.toList()));
                }
            }
            return groups;
        }
    }

    @Test
    void consecutiveRecordsAreGroupedInJournalOrderUpToTheRecordLimit() throws Exception {
        assertThat(groups(new GroupLimits(2, 100), insertOf(1), insertOf(1), insertOf(1), insertOf(1), insertOf(1)))
                .containsExactly(List.of(1L, 2L), List.of(3L, 4L), List.of(5L));
    }

    @Test
    void aGroupHoldsNoMoreRowsThanTheRowLimit() throws Exception {
        assertThat(groups(new GroupLimits(100, 7), insertOf(3), insertOf(3), insertOf(3), insertOf(1)))
                .containsExactly(List.of(1L, 2L), List.of(3L, 4L));
    }

    @Test
    void aGroupHoldsNoMoreThanItsBoundInBytesWhateverTheLimits() throws Exception {
        int third = GroupLimits.MAX_BYTES / 3;
        assertThat(groups(GroupLimits.DEFAULT, insertOfText(third), insertOfText(third), insertOfText(third),
                insertOfText(1)))
                .containsExactly(List.of(1L, 2L), List.of(3L, 4L));
    }

    @Test
    void aRecordBiggerThanTheRowLimitIsAGroupOfItsOwn() throws Exception {
        assertThat(groups(new GroupLimits(100, 5), insertOf(1), insertOf(10), insertOf(1)))
                .containsExactly(List.of(1L), List.of(2L), List.of(3L));
    }

    @Test
    void aSchemaChangeEvenInAStatementBatchIsAGroupOfItsOwn() throws Exception {
        assertThat(groups(GroupLimits.DEFAULT, insertOf(1), statements("ALTER TABLE t ADD COLUMN n INT"),
                insertOf(1), statements("DELETE FROM t WHERE id = 1", "DROP TABLE u"), statements(
                        "UPDATE t SET id = 2 WHERE id = 1"), insertOf(1)))
                .containsExactly(List.of(1L), List.of(2L), List.of(3L), List.of(4L), List.of(5L, 6L));
    }

    @Test
    void anUnreadableRecordIsAGroupOfItsOwn() throws Exception {
        assertThat(groups(GroupLimits.DEFAULT, insertOf(1), insertOf(1), new byte[] {99}, insertOf(1)))
                .containsExactly(List.of(1L, 2L), List.of(3L), List.of(4L));
    }
}
