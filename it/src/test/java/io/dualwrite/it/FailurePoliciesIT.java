package io.dualwrite.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * What {@code writes.on-failure} does when the secondary refuses a write the primary took: {@code fail} raises
 * it to the application (before the primary commits, inside a transaction), {@code ignore} counts it and keeps
 * nothing.
 */
class FailurePoliciesIT extends DatabasePairPerClass {

    FailurePoliciesIT() {
        super(DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB);
    }

    /** Rows 300002 and 300006 exist on the secondary only, so it refuses to insert them (a duplicate key). */
    private void poisonTheSecondary() throws SQLException {
        try (Connection connection = secondary().connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO items (id, name, qty) VALUES (300002, 'poison', 0), "
                    + "(300006, 'poison', 0)");
        }
    }

    @Test
    void failRollsBackTheApplicationsTransactionOnBothSidesAndRaisesAfterAnAutoCommitWriteThatStands()
            throws SQLException {
        poisonTheSecondary();
        AgentRun agentRun = AgentRun.with(AgentConfig.mirroring(databases).onFailure("fail"));
        RunResult run = agentRun.run(SampleCommand.scenario("strict", primary())).assertScenarioDone("strict");
        Stats stats = run.consistentStats();

        assertThat(run.stdout()).as("what the application saw%n%s", run.describe())
                .contains("strict: transaction rolled back after: dualwrite: the secondary failed to take INSERT items"
                        + " (SQLIntegrityConstraintViolationException SQLState 23000 code 1062); roll this transaction"
                        + " back: nothing of it is committed on either database yet")
                .contains("strict: auto-commit insert raised: dualwrite: the secondary failed to take INSERT items "
                        + "(SQLIntegrityConstraintViolationException SQLState 23000 code 1062); the primary's write "
                        + "stands and the mirror was put in the dead-letter file");
        for (long id : new long[] {300_001}) {
            assertThat(TableComparison.row(primary(), "items", id)).as("row %s on the primary", id).isNull();
            assertThat(TableComparison.row(secondary(), "items", id)).as("row %s on the secondary", id).isNull();
        }
        for (long id : new long[] {300_003, 300_004, 300_005}) {
            assertThat(TableComparison.row(primary(), "items", id)).as("row %s on the primary", id).isNotNull();
            assertThat(TableComparison.row(secondary(), "items", id)).as("row %s on the secondary", id).isNotNull();
        }
        assertThat(TableComparison.row(primary(), "items", 300_006)).as("row 300006 on the primary")
                .containsEntry("name", "auto");
        assertThat(TableComparison.row(secondary(), "items", 300_006)).as("row 300006 on the secondary")
                .containsEntry("name", "poison");
        assertThat(stats.applied).as("applied (the transaction of two and 300005) in %s", stats).isEqualTo(3);
        assertThat(stats.rolledBack).as("rolled back (300001, 300002) in %s", stats).isEqualTo(2);
        assertThat(stats.deadLettered).as("dead-lettered (the auto-commit 300006) in %s", stats).isEqualTo(1);
        assertThat(DeadLetterFile.lines(agentRun.journalDir())).as("dead letters").singleElement().asString()
                .contains("\"auto\"", "Duplicate entry");
    }

    @Test
    void ignoreCountsTheRefusedWriteKeepsNothingAndTheApplicationSeesNothing() throws SQLException {
        poisonTheSecondary();
        AgentRun agentRun = AgentRun.with(AgentConfig.mirroring(databases).onFailure("ignore"));
        RunResult run = agentRun.run(SampleCommand.scenario("strict", primary())).assertScenarioDone("strict");
        Stats stats = run.consistentStats();

        assertThat(run.stdout()).as("what the application saw%n%s", run.describe())
                .contains("strict: the transaction with 300002 committed")
                .contains("strict: the auto-commit insert of 300006 raised nothing");
        assertThat(stats.ignored).as("ignored (the transaction 300001+300002, the auto-commit 300006) in %s", stats)
                .isEqualTo(3);
        assertThat(stats.journaled).as("journaled in %s", stats).isZero();
        assertThat(JournalFiles.text(agentRun.journalDir())).as("the journal's bytes").doesNotContain("tx a", "auto");
        assertThat(DeadLetterFile.lines(agentRun.journalDir())).as("dead letters").isEmpty();
        assertThat(TableComparison.row(secondary(), "items", 300_001)).as("row 300001 on the secondary (its "
                + "transaction was refused whole)").isNull();
        assertThat(TableComparison.row(secondary(), "items", 300_005)).as("row 300005 on the secondary").isNotNull();
    }
}
