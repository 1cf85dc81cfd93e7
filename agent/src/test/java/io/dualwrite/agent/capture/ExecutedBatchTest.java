package io.dualwrite.agent.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutedBatchTest {

    private static final List<String> BATCH = List.of("a", "b", "c", "d");

    @Test
    void aBatchThatReturnedIsExecutedWhole() {
        assertThat(ExecutedBatch.entries(BATCH, new int[] {1, 1, Statement.SUCCESS_NO_INFO, 0}, null))
                .containsExactly("a", "b", "c", "d");
        assertThat(ExecutedBatch.entries(BATCH, new long[] {1, 1, 1, 1}, null)).containsExactly("a", "b", "c", "d");
    }

    @Test
    void aBatchThatStoppedAtAFailureKeepsOnlyTheEntriesBeforeIt() {
        BatchUpdateException stopped = new BatchUpdateException(new int[] {1, 1}, null);
        assertThat(ExecutedBatch.entries(BATCH, null, stopped)).containsExactly("a", "b");
    }

    @Test
    void aBatchThatWentOnPastAFailureKeepsEveryEntryNotMarkedFailed() {
        BatchUpdateException wentOn = new BatchUpdateException(
                new int[] {1, Statement.EXECUTE_FAILED, 1, Statement.EXECUTE_FAILED}, null);
        assertThat(ExecutedBatch.entries(BATCH, null, wentOn)).containsExactly("a", "c");
    }

    @Test
    void aBatchThatFailedOtherwiseKeepsNothing() {
        assertThat(ExecutedBatch.entries(BATCH, null, new SQLException("connection lost"))).isEmpty();
    }
}
