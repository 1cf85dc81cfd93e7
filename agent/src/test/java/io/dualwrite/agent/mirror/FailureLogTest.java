package io.dualwrite.agent.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.agent.log.RecordingLogger;
import io.dualwrite.agent.write.MirroredWrite;
import io.dualwrite.agent.write.StatementWrite;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureLogTest {

    private final RecordingLogger logger = new RecordingLogger();
    private final MirroredWrite write = new StatementWrite(List.of("INSERT INTO items VALUES (1, 'x')"),
            "INSERT items", false);

    @Test
    void aConstraintFailureIsLoggedWithoutTheDriversMessageWhichQuotesValues() {
        new FailureLog(logger, 10_000).record(write, 1, new SQLIntegrityConstraintViolationException(
                "Duplicate entry 'alice@example.com' for key 'email'", "23000", 1062), "kept in the journal");

        assertThat(logger.lines).singleElement().asString()
                .contains("INSERT items", "SQLState 23000", "code 1062", "kept in the journal")
                .doesNotContain("alice@example.com", "VALUES");
    }

    @Test
    void aConnectionFailureSaysWhy() {
        new FailureLog(logger, 10_000).record(write, 3, new SQLException("Connection refused", "08001"), "kept in the journal");

        assertThat(logger.lines).singleElement().asString()
                .contains("in a transaction of 3 writes", "Connection refused");
    }

    @Test
    void failuresWithinTheIntervalAreCountedAndReportedWithTheNextLine() throws InterruptedException {
        FailureLog failures = new FailureLog(logger, 200);
        for (int i = 0; i < 5; i++) {
            failures.record(write, 1, new SQLException("refused", "08001"), "kept in the journal");
        }
        assertThat(logger.lines).hasSize(1);

        Thread.sleep(250);
        failures.record(write, 1, new SQLException("refused", "08001"), "kept in the journal");
        assertThat(logger.lines).hasSize(2);
        assertThat(logger.lines.get(1)).contains("4 more failures since the last report");
    }
}
