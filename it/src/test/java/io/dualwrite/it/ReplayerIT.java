package io.dualwrite.it;

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
import io.dualwrite.agent.replay.DeadLetters;
import io.dualwrite.agent.replay.ReplayResult;
import io.dualwrite.agent.replay.Replayer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay of journaled writes into a real secondary (MariaDB): in order, each unit as one transaction, a
 * poison record to the dead letters with its reason, nothing applied twice, and a secondary that cannot be
 * reached leaves everything pending.
 */
class ReplayerIT extends DatabasePairPerClass {

    @TempDir
    Path dir;

    ReplayerIT() {
        super(DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB);
    }

    @BeforeEach
    void oneRowAlreadyOnTheSecondary() throws SQLException {
        try (Connection connection = secondary().connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO tx_rows (id, label) VALUES (100, 'there before')");
        }
    }

    private static MirroredWrite insert(long id, String label) {
        Parameter[] row = {
            Parameter.restore(Setter.forKey("setLong(IJ)V"), new Object[] {1, id}),
            Parameter.restore(Setter.forKey("setString(ILjava/lang/String;)V"), new Object[] {2, label}),
        };
        return new PreparedWrite("INSERT INTO tx_rows (id, label) VALUES (?, ?)", "INSERT tx_rows",
                List.<Parameter[]>of(row), false);
    }

    private static byte[] record(MirroredWrite... writes) throws Exception {
        return WriteCodec.encode(new UnappliedWrites("connection-1", "SQLException SQLState 08001", List.of(writes)));
    }

    private Journal journalWith(byte[]... records) throws Exception {
        Journal journal = Journal.open(dir.resolve("journal"), JournalOptions.defaults().withFsync(FsyncMode.NEVER));
        for (byte[] record : records) {
            journal.append(record);
        }
        return journal;
    }

    private Replayer replayer(Journal journal, String url) {
        return new Replayer(journal, () -> java.sql.DriverManager.getConnection(url, secondary().user(),
                secondary().password()), new DeadLetters(dir.resolve("dead-letter.jsonl")), 5);
    }

    @Test
    void pendingRecordsArriveInOrderAndAPoisonRecordIsDeadLetteredWithItsReason() throws Exception {
        try (Journal journal = journalWith(
                record(insert(1, "one"), insert(2, "two")),
                record(insert(100, "duplicate key")),
                record(new StatementWrite(List.of("UPDATE tx_rows SET label = 'updated' WHERE id = 1"), "UPDATE tx_rows",
                        false)))) {
            ReplayResult result = replayer(journal, secondary().url()).replay(false, sequence -> { });

            assertThat(result.applied()).isEqualTo(2);
            assertThat(result.deadLettered()).isEqualTo(1);
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(TableComparison.row(secondary(), "tx_rows", 1)).containsEntry("label", "updated");
            assertThat(TableComparison.row(secondary(), "tx_rows", 2)).containsEntry("label", "two");
            assertThat(TableComparison.row(secondary(), "tx_rows", 100)).containsEntry("label", "there before");
            String deadLetters = Files.readString(dir.resolve("dead-letter.jsonl"), StandardCharsets.UTF_8);
            assertThat(deadLetters.lines()).singleElement().asString()
                    .contains("\"sequence\":2", "duplicate key", "SQLState 23000", "dead-letter-reason");

            ReplayResult again = replayer(journal, secondary().url()).replay(false, sequence -> { });
            assertThat(again.applied()).as("a second replay applies nothing").isZero();
            assertThat(again.deadLettered()).isZero();
            assertThat(TableComparison.count(secondary(), "tx_rows")).isEqualTo(3);
        }
    }

    @Test
    void aTransactionThatFailsPartWayLeavesNothingOfItOnTheSecondary() throws Exception {
        try (Journal journal = journalWith(record(insert(5, "first of the transaction"), insert(100, "duplicate")))) {
            ReplayResult result = replayer(journal, secondary().url()).replay(false, sequence -> { });

            assertThat(result.deadLettered()).isEqualTo(1);
            assertThat(TableComparison.row(secondary(), "tx_rows", 5)).as("rolled back with its transaction").isNull();
        }
    }

    @Test
    void anUnreachableSecondaryStopsReplayAndKeepsEveryRecordPending() throws Exception {
        try (Journal journal = journalWith(record(insert(7, "seven")))) {
            ReplayResult result = replayer(journal, "jdbc:mariadb://127.0.0.1:1/nothing").replay(false, sequence -> { });

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.stoppedBecause()).contains("cannot be reached");
            assertThat(journal.checkpointed()).isZero();

            ReplayResult later = replayer(journal, secondary().url()).replay(false, sequence -> { });
            assertThat(later.applied()).isEqualTo(1);
            assertThat(TableComparison.row(secondary(), "tx_rows", 7)).containsEntry("label", "seven");
        }
    }

    @Test
    void stopOnErrorLeavesThePoisonRecordPending() throws Exception {
        try (Journal journal = journalWith(record(insert(100, "duplicate")), record(insert(8, "after")))) {
            ReplayResult result = replayer(journal, secondary().url()).replay(true, sequence -> { });

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.stoppedBecause()).contains("record 1", "stays pending");
            assertThat(journal.checkpointed()).isZero();
            assertThat(TableComparison.row(secondary(), "tx_rows", 8)).isNull();
        }
    }
}
