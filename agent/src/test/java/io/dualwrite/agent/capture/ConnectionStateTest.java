package io.dualwrite.agent.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.agent.write.MirroredWrite;
import io.dualwrite.agent.write.StatementWrite;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConnectionStateTest {

    private final ConnectionState connection = new ConnectionState(1, false);

    private static MirroredWrite write(String sql) {
        return new StatementWrite(List.of(sql), sql, false);
    }

    private static List<String> sql(List<MirroredWrite> writes) {
        return writes.stream().map(w -> w.sqlTexts().get(0)).collect(Collectors.toList());
    }

    @Test
    void rollbackToASavepointDropsOnlyWhatCameAfterIt() {
        Object first = new Object();
        Object second = new Object();
        connection.add(write("A"));
        connection.savepoint(first);
        connection.add(write("B"));
        connection.savepoint(second);
        connection.add(write("C"));

        assertThat(connection.rollbackTo(first)).isEqualTo(2);
        connection.add(write("D"));
        assertThat(connection.rollbackTo(second)).as("a savepoint set after the one rolled back to is gone").isZero();
        assertThat(sql(connection.takePending())).containsExactly("A", "D");
    }

    @Test
    void commitTakesEveryPendingWriteOnce() {
        connection.add(write("A"));
        connection.add(write("B"));
        assertThat(sql(connection.takePending())).containsExactly("A", "B");
        assertThat(connection.takePending()).isEmpty();
    }

    @Test
    void rollbackDropsEveryPendingWriteAndSaysHowMany() {
        connection.add(write("A"));
        connection.add(write("B"));
        assertThat(connection.dropPending()).isEqualTo(2);
        assertThat(connection.takePending()).isEmpty();
    }

    @Test
    void switchingAutoCommitOnEndsTheTransactionButSwitchingItOffDoesNot() {
        assertThat(connection.setAutoCommit(false)).isFalse();
        assertThat(connection.setAutoCommit(true)).isTrue();
        assertThat(connection.setAutoCommit(true)).as("already on: nothing to commit").isFalse();
        assertThat(connection.autoCommit()).isTrue();
    }

    @Test
    void anUnknownSavepointDropsNothing() {
        connection.add(write("A"));
        assertThat(connection.rollbackTo(new Object())).isZero();
        assertThat(sql(connection.takePending())).containsExactly("A");
    }
}
