package io.dualwrite.it;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls of stored procedures cannot be mirrored faithfully (their effects are unknown to the agent): they are
 * skipped with a warning, and the application is unaffected.
 */
class StoredProcedureIT extends DatabasePairPerClass {

    StoredProcedureIT() {
        super(DatabaseKind.POSTGRESQL, DatabaseKind.POSTGRESQL);
    }

    @Test
    void procedureCallsAreSkippedWithAWarningThatNamesTheCall() {
        RunResult run = AgentRun.with(AgentConfig.mirroring(databases))
                .run(SampleCommand.scenario("procedure", primary()))
                .assertScenarioDone("procedure");
        Stats stats = run.consistentStats();

        assertThat(stats.skipped).as("skipped writes (the procedure calls) in %s%n%s", stats, run.describe())
                .isGreaterThanOrEqualTo(3);
        List<String> warnings = run.stderrLines().stream()
                .filter(l -> l.toLowerCase(Locale.ROOT).contains("add_item") && l.toUpperCase(Locale.ROOT).contains("WARN"))
                .collect(Collectors.toList());
        assertThat(warnings).as("warnings on stderr that mention the call of add_item%n%s", run.describe()).isNotEmpty();
        assertThat(stats.journaled).as("journaled writes in %s%n%s", stats, run.describe()).isZero();
        assertThat(TableComparison.count(primary(), "items")).as("items the procedure inserted on the primary")
                .isEqualTo(3);
        assertThat(TableComparison.count(secondary(), "items"))
                .as("items on the secondary (the calls, and so the inserts inside the procedure, are not mirrored)")
                .isZero();
    }
}
