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
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayerCommitLostTest {

    @TempDir
    Path dir;

    private final String url = "jdbc:h2:mem:dw_commit_lost_" + UUID.randomUUID().toString().replace("-", "")
            + ";DB_CLOSE_DELAY=-1";

    private static byte[] insert(long id) throws Exception {
        Parameter[] row = {Parameter.restore(Setter.forKey("setLong(IJ)V"), new Object[] {1, id})};
        return WriteCodec.encode(new UnappliedWrites("connection-1", "SQLException SQLState 08001",
                List.of(new PreparedWrite("INSERT INTO t (id) VALUES (?)", "INSERT t", List.<Parameter[]>of(row),
                        false))));
    }

    /** A connection to H2 that loses itself on commit, when the server may or may not have committed. */
    private Connection losingItsCommit() throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("commit")) {
                        throw new SQLNonTransientConnectionException("connection reset", "08006");
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void aConnectionLostWhileAGroupIsCommittedStopsReplayWithTheWholeGroupPendingRatherThanApplyingItAgain()
            throws Exception {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id BIGINT PRIMARY KEY)");
        }
        JournalOptions options = JournalOptions.defaults().withFsync(FsyncMode.NEVER);
        try (Journal journal = Journal.open(dir.resolve("journal"), options)) {
            for (long id = 1; id <= 3; id++) {
                journal.append(insert(id));
            }
            List<Long> done = new ArrayList<>();
            Replayer replayer = new Replayer(journal, this::losingItsCommit,
                    new DeadLetters(dir.resolve("dead-letters.jsonl")), 5);

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
