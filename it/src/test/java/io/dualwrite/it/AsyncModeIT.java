package io.dualwrite.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code writes.mode: async}: the application's thread only enqueues, an applier thread applies the queue in
 * order, and whatever the queue cannot hold goes to the journal in order; by the end the secondary has it all.
 */
class AsyncModeIT extends DatabasePairPerClass {

    private static final int ROWS = 300;
    /** Writes of the writes scenario: inserts, every 2nd updated, every 5th deleted. */
    private static final int WRITES = ROWS + ROWS / 2 + ROWS / 5;

    AsyncModeIT() {
        super(DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB);
    }

    /** Runs the writes scenario and checks that every write reached the secondary and both sides are equal. */
    private RunResult runWritesAndCompare(AgentConfig config) {
        RunResult run = AgentRun.with(config)
                .run(SampleCommand.scenario("writes", primary(), "--rows", String.valueOf(ROWS)))
                .assertScenarioDone("writes");
        Stats stats = run.consistentStats();
        run.verify(() -> TableComparison.assertSameRows(databases));
        assertThat(stats.seen).as("writes seen in %s%n%s", stats, run.describe()).isEqualTo(WRITES);
        assertThat(stats.reachedSecondary()).as("writes applied or replayed in %s%n%s", stats, run.describe())
                .isEqualTo(WRITES);
        return run;
    }

    @Test
    void theQueueIsAppliedInOrderAndTheSecondaryEndsEqual() {
        runWritesAndCompare(AgentConfig.mirroring(databases).mode("async"));
    }

    @Test
    void aQueueTooSmallSpillsToTheJournalInOrderAndTheSecondaryStillEndsEqual() {
        RunResult run = runWritesAndCompare(AgentConfig.mirroring(databases).mode("async").queueCapacity(1));
        Stats stats = run.stats();
        assertThat(stats.journaled).as("writes spilled to the journal by a queue of one in %s%n%s", stats,
                run.describe()).isPositive();
    }
}
