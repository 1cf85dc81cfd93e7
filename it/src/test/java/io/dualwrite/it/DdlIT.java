package io.dualwrite.it;

import java.util.Collections;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code writes.ddl} decides whether CREATE/ALTER/DROP/TRUNCATE reach the secondary. Each test has databases
 * of its own, since the scenario leaves a table behind.
 */
class DdlIT {

    private static final DatabaseKind PRIMARY = DatabaseKind.POSTGRESQL;
    private static final DatabaseKind SECONDARY = DatabaseKind.MARIADB;

    @Test
    void withDdlMirroringTheNewTableAndItsRowsArrive() {
        try (DatabasePair databases = DatabasePair.create(PRIMARY, SECONDARY).freshSchema()) {
            RunResult run = AgentRun.with(AgentConfig.mirroring(databases).ddl(true))
                    .run(SampleCommand.scenario("ddl", databases.primary()))
                    .assertScenarioDone("ddl");
            Stats stats = run.consistentStats();

            assertThat(TableComparison.tableExists(databases.secondary(), "ddl_rows"))
                    .as("ddl_rows on the secondary%n%s", run.describe()).isTrue();
            assertThat(TableComparison.count(databases.primary(), "ddl_rows")).as("ddl_rows on the primary").isEqualTo(3);
            run.verify(() -> TableComparison.assertSameRowsIn(databases.primary(), databases.secondary(),
                    Collections.singletonList("ddl_rows")));
            assertThat(stats.journaled).as("journaled writes in %s%n%s", stats, run.describe()).isZero();
            assertThat(stats.applied).as("applied writes (CREATE TABLE and 3 inserts) in %s%n%s", stats, run.describe())
                    .isEqualTo(4);
            assertThat(stats.skipped).as("skipped writes in %s%n%s", stats, run.describe()).isZero();
        }
    }

    @Test
    void withoutDdlMirroringTheTableIsNotCreatedAndTheCountersStillAddUp() {
        try (DatabasePair databases = DatabasePair.create(PRIMARY, SECONDARY).freshSchema()) {
            RunResult run = AgentRun.with(AgentConfig.mirroring(databases).ddl(false))
                    .run(SampleCommand.scenario("ddl", databases.primary()))
                    .assertScenarioDone("ddl");
            Stats stats = run.consistentStats();

            assertThat(TableComparison.count(databases.primary(), "ddl_rows")).as("ddl_rows on the primary").isEqualTo(3);
            assertThat(TableComparison.tableExists(databases.secondary(), "ddl_rows"))
                    .as("ddl_rows on the secondary%n%s", run.describe()).isFalse();
            assertThat(stats.skipped).as("skipped writes (the CREATE TABLE) in %s%n%s", stats, run.describe())
                    .isEqualTo(1);
            assertThat(stats.deadLettered).as("dead-lettered writes (the 3 inserts into a table the secondary lacks) in %s%n%s",
                    stats, run.describe()).isEqualTo(3);
            assertThat(stats.applied).as("applied writes in %s%n%s", stats, run.describe()).isZero();
        }
    }
}
