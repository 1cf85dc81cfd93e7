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
import io.dualwrite.agent.replay.GroupLimits;
import io.dualwrite.agent.replay.ReplayResult;
import io.dualwrite.agent.replay.Replayer;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay of journaled writes into a real secondary (MariaDB): in order, each unit as one transaction, a
 * poison record to the dead letters with its reason, nothing applied twice, and a secondary that cannot be
 * reached leaves everything pending. Records go in groups of one transaction each; a group that fails gives
 * every record of it the fate it would have alone, unless it failed for a reason that may pass: then they all
 * stay pending.
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

    private static MirroredWrite update(long id, String label) {
        Parameter[] row = {
            Parameter.restore(Setter.forKey("setString(ILjava/lang/String;)V"), new Object[] {1, label}),
            Parameter.restore(Setter.forKey("setLong(IJ)V"), new Object[] {2, id}),
        };
        return new PreparedWrite("UPDATE tx_rows SET label = ? WHERE id = ?", "UPDATE tx_rows",
                List.<Parameter[]>of(row), false);
    }

    private static MirroredWrite plain(String... sql) {
        return new StatementWrite(List.of(sql), "statement tx_rows", sql.length > 1);
    }

    private Replayer replayer(Journal journal, String url) {
        return new Replayer(journal, () -> java.sql.DriverManager.getConnection(url, secondary().user(),
                secondary().password()), new DeadLetters(dir.resolve("dead-letter.jsonl")), 5);
    }

    /** A replayer whose connections count the transactions they commit. */
    private Replayer counting(Journal journal, GroupLimits limits, AtomicInteger commits) {
        return new Replayer(journal, () -> countingCommits(secondary().connect(), commits),
                new DeadLetters(dir.resolve("dead-letter.jsonl")), 5, limits);
    }

    private static Connection countingCommits(Connection connection, AtomicInteger commits) {
        ClassLoader loader = ReplayerIT.class.getClassLoader();
        return (Connection) Proxy.newProxyInstance(loader, new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("commit")) {
                        commits.incrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private List<String> deadLetterLines() throws IOException {
        return Files.readString(dir.resolve("dead-letter.jsonl"), StandardCharsets.UTF_8).lines()
                .collect(Collectors.toList());
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

    @Test
    void aPoisonRecordInTheMiddleOfAGroupIsDeadLetteredAloneAndTheRecordsAroundItAreApplied() throws Exception {
        try (Journal journal = journalWith(record(insert(1, "one")), record(insert(2, "two")),
                record(insert(100, "duplicate key")), record(insert(3, "three")), record(insert(4, "four")))) {
            List<Long> done = new ArrayList<>();
            ReplayResult result = replayer(journal, secondary().url()).replay(false, done::add);

            assertThat(result.applied()).isEqualTo(4);
            assertThat(result.appliedWrites()).isEqualTo(4);
            assertThat(result.deadLettered()).isEqualTo(1);
            assertThat(result.deadLetteredWrites()).isEqualTo(1);
            assertThat(done).as("every record reported, in order").containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(journal.checkpointed()).isEqualTo(5);
            assertThat(deadLetterLines()).singleElement().asString().contains("\"sequence\":3", "duplicate key");
            assertThat(TableComparison.count(secondary(), "tx_rows")).isEqualTo(5);
            assertThat(TableComparison.row(secondary(), "tx_rows", 100)).containsEntry("label", "there before");
        }
    }

    @Test
    void aTransactionFailingPartWayInsideAGroupLeavesNothingOfItWhileTheRecordsAroundItAreApplied()
            throws Exception {
        try (Journal journal = journalWith(record(insert(1, "before")),
                record(insert(5, "first of the transaction"), insert(100, "duplicate")), record(insert(6, "after")))) {
            ReplayResult result = replayer(journal, secondary().url()).replay(false, sequence -> { });

            assertThat(result.applied()).isEqualTo(2);
            assertThat(result.deadLettered()).isEqualTo(1);
            assertThat(result.deadLetteredWrites()).isEqualTo(2);
            assertThat(deadLetterLines()).singleElement().asString().contains("\"sequence\":2");
            assertThat(TableComparison.row(secondary(), "tx_rows", 5)).as("rolled back with its transaction").isNull();
            assertThat(TableComparison.row(secondary(), "tx_rows", 1)).containsEntry("label", "before");
            assertThat(TableComparison.row(secondary(), "tx_rows", 6)).containsEntry("label", "after");
        }
    }

    @Test
    void aGroupMixingPreparedAndPlainStatementWritesAppliesThemInOrderInOneTransaction() throws Exception {
        try (Journal journal = journalWith(
                record(insert(1, "one")),
                record(plain("UPDATE tx_rows SET label = 'plain' WHERE id = 1")),
                record(insert(2, "two")),
                record(plain("INSERT INTO tx_rows (id, label) VALUES (3, 'three')",
                        "UPDATE tx_rows SET label = CONCAT(label, '+') WHERE id = 2")),
                record(update(3, "prepared"), plain("UPDATE tx_rows SET label = CONCAT(label, '!') WHERE id = 3")),
                record(insert(4, "four")))) {
            AtomicInteger commits = new AtomicInteger();
            ReplayResult result = counting(journal, GroupLimits.DEFAULT, commits).replay(false, sequence -> { });

            assertThat(result.applied()).isEqualTo(6);
            assertThat(result.appliedWrites()).isEqualTo(7);
            assertThat(commits).as("one transaction for the group").hasValue(1);
            assertThat(TableComparison.row(secondary(), "tx_rows", 1)).containsEntry("label", "plain");
            assertThat(TableComparison.row(secondary(), "tx_rows", 2)).containsEntry("label", "two+");
            assertThat(TableComparison.row(secondary(), "tx_rows", 3)).containsEntry("label", "prepared!");
            assertThat(TableComparison.row(secondary(), "tx_rows", 4)).containsEntry("label", "four");
        }
    }

    @Test
    void anInsertUpdateAndDeleteOfOneKeyInConsecutiveRecordsKeepTheirOrderAcrossGroups() throws Exception {
        try (Journal journal = journalWith(
                record(insert(1, "first")),
                record(update(1, "updated")),
                record(plain("DELETE FROM tx_rows WHERE id = 1")),
                record(insert(1, "inserted again")),
                record(update(1, "last")))) {
            AtomicInteger commits = new AtomicInteger();
            ReplayResult result = counting(journal, new GroupLimits(2, 100), commits).replay(false, sequence -> { });

            assertThat(result.applied()).isEqualTo(5);
            assertThat(result.deadLettered()).isZero();
            assertThat(commits).as("two groups of two; the last record alone, in auto-commit").hasValue(2);
            assertThat(TableComparison.row(secondary(), "tx_rows", 1)).containsEntry("label", "last");
            assertThat(TableComparison.count(secondary(), "tx_rows")).isEqualTo(2);
        }
    }

    @Test
    void aFailureThatMayPassInsideAGroupStopsReplayWithTheWholeGroupPendingForLater() throws Exception {
        try (Connection holder = secondary().connect(); Statement holding = holder.createStatement();
                Journal journal = journalWith(record(insert(1, "one")), record(insert(2, "two")),
                        record(insert(3, "three")))) {
            holder.setAutoCommit(false);
            holding.executeUpdate("INSERT INTO tx_rows (id, label) VALUES (2, 'locked by another transaction')");
            Replayer waitingOneSecond = new Replayer(journal, () -> {
                Connection connection = secondary().connect();
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET SESSION innodb_lock_wait_timeout = 1");
                }
                return connection;
            }, new DeadLetters(dir.resolve("dead-letter.jsonl")), 5);

            ReplayResult result = waitingOneSecond.replay(false, sequence -> { });

            assertThat(result.applied()).isZero();
            assertThat(result.deadLettered()).isZero();
            assertThat(result.stoppedBecause()).contains("records 1 to 3 failed for a reason that may pass",
                    "they stay pending");
            assertThat(journal.checkpointed()).isZero();
            assertThat(TableComparison.count(secondary(), "tx_rows")).as("rows: 100 only, the group rolled back")
                    .isEqualTo(1);
            holder.rollback();

            ReplayResult later = replayer(journal, secondary().url()).replay(false, sequence -> { });
            assertThat(later.applied()).isEqualTo(3);
            assertThat(TableComparison.count(secondary(), "tx_rows")).isEqualTo(4);
        }
    }
}
