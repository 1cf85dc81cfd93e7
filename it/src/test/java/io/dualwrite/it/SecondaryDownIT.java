package io.dualwrite.it;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the secondary cannot be reached the application sees nothing of it: every write lands on the
 * primary, every mirror is journaled (the first after its failure, the rest queued behind it), the failure
 * log is rate-limited and the password is never printed.
 */
class SecondaryDownIT extends DatabasePairPerClass {

    private static final String PASSWORD = "Dw-It-Down-S3cret-4711";
    private static final int ROWS = 40;
    /** Writes of the writes scenario (see WritesScenario in sample-target): inserts, every 2nd updated, every 5th deleted. */
    private static final int WRITES = ROWS + ROWS / 2 + ROWS / 5;

    SecondaryDownIT() {
        super(DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB);
    }

    @ParameterizedTest(name = "secondary {0}")
    @ValueSource(strings = {"jdbc:postgresql://127.0.0.1:1/nothing", "jdbc:mariadb://127.0.0.1:1/nothing"})
    void applicationRunsUnharmedAndEveryMirrorIsJournaled(String unreachableSecondary) {
        AgentConfig config = AgentConfig.mirroring(databases)
                .secondary(unreachableSecondary, "dualwrite", PASSWORD)
                .connectTimeoutMs(2000)
                .shutdownTimeoutMs(300);
        AgentRun agentRun = AgentRun.with(config);
        RunResult run = agentRun
                .run(SampleCommand.scenario("writes", primary(), "--rows", String.valueOf(ROWS)))
                .assertScenarioDone("writes");

        assertThat(TableComparison.count(primary(), "items")).as("rows written on the primary%n%s", run.describe())
                .isEqualTo(ROWS - ROWS / 5);
        Stats stats = run.consistentStats();
        assertThat(stats.seen).as("writes seen in %s%n%s", stats, run.describe()).isEqualTo(WRITES);
        assertThat(stats.journaled).as("journaled writes in %s%n%s", stats, run.describe()).isEqualTo(stats.seen);
        assertThat(stats.applied).as("applied writes in %s%n%s", stats, run.describe()).isZero();

        assertThat(run.stdout() + run.stderr()).as("output of the run (must not contain the secondary's password)")
                .doesNotContain(PASSWORD);
        List<String> agentLines = run.stderrLines().stream()
                .filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains("dualwrite") && !Stats.LINE.matcher(l).find())
                .collect(Collectors.toList());
        assertThat(agentLines.size()).as("agent lines on stderr for %s journaled writes (rate-limited)%n%s",
                stats.journaled, run.describe()).isLessThan((int) stats.journaled);
    }
}
