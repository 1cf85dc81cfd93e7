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
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayerStopTest {

    @TempDir
    Path dir;

    private final String url = "jdbc:h2:mem:dw_stop_" + UUID.randomUUID().toString().replace("-", "")
            + ";DB_CLOSE_DELAY=-1";

    private static byte[] insert(long id) throws Exception {
        Parameter[] row = {Parameter.restore(Setter.forKey("setLong(IJ)V"), new Object[] {1, id})};
        return WriteCodec.encode(new UnappliedWrites("connection-1", "SQLException SQLState 08001",
                List.of(new PreparedWrite("INSERT INTO t (id) VALUES (?)", "INSERT t", List.<Parameter[]>of(row),
                        false))));
    }

    @Test
    void aStopRequestedDuringReplayEndsItAfterTheCurrentRecordWithTheCheckpointWritten() throws Exception {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id BIGINT PRIMARY KEY)");
        }
        try (Journal journal = Journal.open(dir.resolve("journal"), JournalOptions.defaults().withFsync(FsyncMode.NEVER))) {
            for (long id = 1; id <= 3; id++) {
                journal.append(insert(id));
            }
            Replayer replayer = new Replayer(journal, () -> DriverManager.getConnection(url),
                    new DeadLetters(dir.resolve("dead-letters.jsonl")), 5);

            ReplayResult result = replayer.replay(false, sequence -> replayer.stop());

            assertThat(result.applied()).isEqualTo(1);
            assertThat(result.stoppedBecause()).isEqualTo(
                    "asked to stop before record 2; it and the records after it stay pending");
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(journal.checkpointed()).as("checkpoint written as replay ended").isEqualTo(1);
        }
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM t")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(1);
        }
    }
}
