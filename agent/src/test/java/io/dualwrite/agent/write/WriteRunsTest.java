package io.dualwrite.agent.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.agent.capture.Parameter;
import io.dualwrite.agent.capture.Setter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriteRunsTest {

    private static final String INSERT = "INSERT INTO t (id) VALUES (?)";

    private static PreparedWrite prepared(String sql, long... ids) {
        List<Parameter[]> rows = new ArrayList<>();
        for (long id : ids) {
            rows.add(new Parameter[] {Parameter.restore(Setter.forKey("setLong(IJ)V"), new Object[] {1, id})});
        }
        return new PreparedWrite(sql, "INSERT t", rows, ids.length > 1);
    }

    private static long id(Parameter[] row) {
        return (Long) row[0].arguments()[1];
    }

    @Test
    void consecutiveAutoCommitWritesOfOneSqlBecomeOneBatchHoldingTheirRowsInOrder() {
        List<MirroredWrite> merged = WriteRuns.merge(List.of(
                List.of(prepared(INSERT, 1)), List.of(prepared(INSERT, 2, 3)), List.of(prepared(INSERT, 4))));

        assertThat(merged).singleElement().isInstanceOfSatisfying(PreparedWrite.class, batch -> {
            assertThat(batch.isBatch()).isTrue();
            assertThat(batch.sql()).isEqualTo(INSERT);
            assertThat(batch.rows()).extracting(WriteRunsTest::id).containsExactly(1L, 2L, 3L, 4L);
        });
    }

    @Test
    void aDifferentSqlATransactionOrAPlainStatementEndsARunAndKeepsItsOwnWritesAsTheyWere() {
        PreparedWrite update = prepared("UPDATE t SET n = n + 1 WHERE id = ?", 1);
        List<MirroredWrite> transaction = List.of(prepared(INSERT, 5), prepared(INSERT, 6));
        PreparedWrite three = prepared(INSERT, 3);
        StatementWrite plain = new StatementWrite(List.of("DELETE FROM t WHERE id = 1"), "DELETE t", false);
        PreparedWrite four = prepared(INSERT, 4);

        List<MirroredWrite> merged = WriteRuns.merge(List.of(List.of(prepared(INSERT, 1)), List.of(prepared(INSERT, 2)),
                List.of(update), transaction, List.of(three), List.of(plain), List.of(four)));

        assertThat(((PreparedWrite) merged.get(0)).rows()).extracting(WriteRunsTest::id).containsExactly(1L, 2L);
        assertThat(merged.subList(1, merged.size()))
                .containsExactly(update, transaction.get(0), transaction.get(1), three, plain, four);
    }

    @Test
    void aRunOfOneStaysASingleExecution() {
        PreparedWrite single = prepared(INSERT, 1);

        assertThat(WriteRuns.merge(List.of(List.of(single)))).containsExactly(single);
    }
}
