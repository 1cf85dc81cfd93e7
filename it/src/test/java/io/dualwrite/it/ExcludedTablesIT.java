package io.dualwrite.it;

import java.util.Collections;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tables named in {@code writes.tables.exclude} are left alone on the secondary; the others are mirrored. */
class ExcludedTablesIT extends DatabasePairPerClass {

    ExcludedTablesIT() {
        super(DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB);
    }

    @Test
    void writesToAnExcludedTableAreSkippedAndOthersStillArrive() {
        RunResult run = AgentRun.with(AgentConfig.mirroring(databases).exclude("audit_log"))
                .run(SampleCommand.scenario("excluded", primary()))
                .assertScenarioDone("excluded");
        Stats stats = run.consistentStats();

        assertThat(TableComparison.count(primary(), "audit_log")).as("audit_log on the primary").isEqualTo(5);
        assertThat(TableComparison.count(secondary(), "audit_log")).as("audit_log on the secondary").isZero();
        assertThat(TableComparison.count(primary(), "items")).as("items on the primary").isEqualTo(5);
        run.verify(() -> TableComparison.assertSameRowsIn(primary(), secondary(),
                Collections.singletonList("items")));
        assertThat(stats.skipped).as("skipped writes (the 5 into audit_log) in %s%n%s", stats, run.describe())
                .isEqualTo(5);
        assertThat(stats.applied).as("applied writes (the 5 into items) in %s%n%s", stats, run.describe())
                .isEqualTo(5);
        assertThat(stats.journaled).as("journaled writes in %s%n%s", stats, run.describe()).isZero();
    }
}
