package io.dualwrite.it;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent follows only the databases its {@code primary.url-pattern} matches. */
class UnmatchedPrimaryUrlIT extends DatabasePairPerClass {

    UnmatchedPrimaryUrlIT() {
        super(DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB);
    }

    @Test
    void writesToADatabaseThePatternDoesNotMatchAreNeitherMirroredNorCounted() {
        String otherDatabase = primary().server().urlOf(primary().name() + "_other") + "*";
        RunResult run = AgentRun.with(AgentConfig.mirroring(databases).primaryUrlPattern(otherDatabase))
                .run(SampleCommand.scenario("writes", primary(), "--rows", "20"))
                .assertScenarioDone("writes");

        assertThat(TableComparison.countAll(primary())).as("rows written on the primary%n%s", run.describe())
                .isPositive();
        run.verify(() -> TableComparison.assertEmpty(secondary()));
        Stats stats = run.consistentStats();
        assertThat(stats.seen).as("writes seen in %s%n%s", stats, run.describe()).isZero();
    }
}
