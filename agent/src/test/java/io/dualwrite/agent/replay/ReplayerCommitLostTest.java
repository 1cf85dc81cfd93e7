package io.dualwrite.agent.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.agent.capture.Parameter;
import io.dualwrite.agent.capture.Setter;
import io.dualwrite.agent.codec.UnappliedWrites;
import io.dualwrite.agent.codec.WriteCodec;
import io.dualwrite.agent.journal.FsyncMode;
import io.dualwrite.agent.journal.Journal;
import io.dualwrite.agent.journal.JournalOptions;
import io.dualwrite.agent.write.PreparedWrite;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayerCommitLostTest {

    @TempDir
    Path dir;

    private final String url = "jdbc:h2:mem:dw_commit_lost_" + UUID.randomUUID().toString().replace("-", "")
            + ";DB_CLOSE_DELAY=-1";

    private static byte[] insert(long id) throws Exception {
        return insert(id, false);
    }

    private static byte[] insert(long id, boolean outcomeUnknown) throws Exception {
        Parameter[] row = {Parameter.restore(Setter.forKey("setLong(IJ)V"), new Object[] {1, id})};
        return WriteCodec.encode(new UnappliedWrites("connection-1", "SQLException SQLState 08001",
                List.of(new PreparedWrite("INSERT INTO t (id) VALUES (?)", "INSERT t", List.<Parameter[]>of(row),
                        false)), outcomeUnknown));
    }

    /** A connection to H2 that loses itself on commit, when the server may or may not have committed. */
    private Connection losingItsCommit() throws SQLException {
        return losingItsCommit(false);
    }

    /** The same, having committed first: the work stands, but the client cannot know. */
    private Connection committingThenLosingItsCommit() throws SQLException {
        return losingItsCommit(true);
    }

    private Connection losingItsCommit(boolean afterCommitting) throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("commit")) {
                        if (afterCommitting) {
                            connection.commit();
                        }
                        throw new SQLNonTransientConnectionException("connection reset", "08006");
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void createTable(long... existingIds) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id BIGINT PRIMARY KEY)");
            for (long id : existingIds) {
                statement.execute("INSERT INTO t (id) VALUES (" + id + ")");
            }
        }
    }

    private long rows() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM t")) {
            count.next();
            return count.getLong(1);
        }
    }

    private Journal journal() throws IOException {
        return Journal.open(dir.resolve("journal"), JournalOptions.defaults().withFsync(FsyncMode.NEVER));
    }

    private DeadLetters deadLetters() {
        return new DeadLetters(dir.resolve("dead-letters.jsonl"));
    }

    @Test
    void aGroupWhoseLostCommitHadStoodIsFoundAppliedByTheNextReplayNotDeadLettered() throws Exception {
        createTable();
        try (Journal journal = journal()) {
            for (long id = 1; id <= 3; id++) {
                journal.append(insert(id));
            }
            AtomicBoolean losing = new AtomicBoolean(true);
            Replayer replayer = new Replayer(journal,
                    () -> losing.get() ? committingThenLosingItsCommit() : DriverManager.getConnection(url),
                    deadLetters(), 5);
            assertThat(replayer.replay(false, sequence -> { }).stoppedBecause()).contains("whether they stand is unknown");
            losing.set(false);

            ReplayResult result = replayer.replay(false, sequence -> { });

            assertThat(result.stoppedBecause()).isNull();
            assertThat(result.applied()).isEqualTo(3);
            assertThat(result.alreadyApplied()).isEqualTo(3);
            assertThat(result.deadLettered()).isZero();
            assertThat(rows()).isEqualTo(3);
            assertThat(journal.checkpointed()).isEqualTo(3);
        }
    }

    @Test
    void aRecordJournaledWithAnUnknownOutcomeWhoseRowIsThereIsTakenAsApplied() throws Exception {
        createTable(1);
        try (Journal journal = journal()) {
            journal.append(insert(1, true));
            ReplayResult result = new Replayer(journal, () -> DriverManager.getConnection(url), deadLetters(), 5)
                    .replay(false, sequence -> { });

            assertThat(result.applied()).isEqualTo(1);
            assertThat(result.alreadyApplied()).isEqualTo(1);
            assertThat(result.deadLettered()).isZero();
        }
    }

    @Test
    void aDuplicateKeyOnARecordWhoseOutcomeWasKnownStillGoesToTheDeadLetters() throws Exception {
        createTable(1);
        try (Journal journal = journal()) {
            journal.append(insert(1, false));
            ReplayResult result = new Replayer(journal, () -> DriverManager.getConnection(url), deadLetters(), 5)
                    .replay(false, sequence -> { });

            assertThat(result.alreadyApplied()).isZero();
            assertThat(result.deadLettered()).isEqualTo(1);
        }
    }

    @Test
    void aConnectionLostWhileAGroupIsCommittedStopsReplayWithTheWholeGroupPendingRatherThanApplyingItAgain()
            throws Exception {
        createTable();
        try (Journal journal = journal()) {
            for (long id = 1; id <= 3; id++) {
                journal.append(insert(id));
            }
            List<Long> done = new ArrayList<>();
            Replayer replayer = new Replayer(journal, this::losingItsCommit, deadLetters(), 5);

            ReplayResult result = replayer.replay(false, done::add);

            assertThat(result.applied()).isZero();
            assertThat(result.deadLettered()).isZero();
            assertThat(result.stoppedBecause()).contains("lost while it committed records 1 to 3",
                    "whether they stand is unknown, they stay pending");
            assertThat(done).isEmpty();
            assertThat(journal.checkpointed()).isZero();
        }
    }
}
