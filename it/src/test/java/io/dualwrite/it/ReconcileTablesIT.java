package io.dualwrite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The infrastructure of {@link ReconcileContract}, checked without the commands it is about: the seeding in both
 * dialects makes exactly the differences the contract expects (by the tests' own comparison), the YAML names what
 * the commands need, the sample's {@code churn} writer runs through the agent and keeps a secondary that held the
 * same rows equal, and a forked JVM can be killed as {@code kill -9} would.
 */
class ReconcileTablesIT extends DatabasePairPerClass {

    private static final String CHURN = "rc_churn_check";
    private static final int CHURN_ROWS = 20_000;
    private static final Pattern CHURN_DONE = Pattern.compile(
            "churn: threads=2 updates=(\\d+) deletes=(\\d+) misses=(\\d+) errors=(\\d+)");

    ReconcileTablesIT() {
        super(DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB);
    }

    @Override
    void freshTables() {
        // the tables of ReconcileTables instead of the sample's
    }

    @Test
    void seedingMakesExactlyTheExpectedDifferencesWhicheverSideIsTheSecondary() {
        long started = System.nanoTime();
        ReconcileTables.createAll(primary());
        ReconcileTables.seedAll(primary());
        long postgresqlMs = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        ReconcileTables.createAll(secondary());
        ReconcileTables.seedAll(secondary());
        long mariadbMs = (System.nanoTime() - started) / 1_000_000;
        System.out.println("[it] seeding " + ReconcileTables.TABLES + ": PostgreSQL " + postgresqlMs + " ms, MariaDB "
                + mariadbMs + " ms");
        for (String table : ReconcileTables.TABLES) {
            assertThat(ReconcileTables.differences(primary(), secondary(), table))
                    .as("differences of %s, seeded alike on both sides", table).isEmpty();
        }
        assertThat(ReconcileTables.count(primary(), ReconcileTables.ITEMS)).isEqualTo(ReconcileTables.ITEM_ROWS);

        ReconcileTables.seedDifferences(secondary());

        for (String table : ReconcileTables.TABLES) {
            assertThat(ReconcileTables.differences(primary(), secondary(), table))
                    .as("differences of %s seeded on MariaDB", table)
                    .isEqualTo(ReconcileTables.SEEDED_DIFFERENCES.get(table));
        }

        ReconcileTables.truncateAll(secondary());
        ReconcileTables.seedAll(secondary());
        ReconcileTables.truncateAll(primary());
        ReconcileTables.seedAll(primary());
        ReconcileTables.seedDifferences(primary());

        for (String table : ReconcileTables.TABLES) {
            assertThat(ReconcileTables.differences(secondary(), primary(), table))
                    .as("differences of %s seeded on PostgreSQL", table)
                    .isEqualTo(ReconcileTables.SEEDED_DIFFERENCES.get(table));
        }
        assertThat(ReconcileTables.SEEDED_DIFFERENCES.get(ReconcileTables.ITEMS))
                .as("rc_items' differences: more than stdout lists (10)").hasSizeGreaterThan(10);
    }

    @Test
    void theConfigurationNamesThePrimaryConnectionAndBothDriverJars() {
        String yaml = AgentConfig.mirroring(databases).forCommands(primary(), secondary()).include("rc_*").toYaml();

        assertThat(yaml).contains("primary:\n  url-pattern: \"" + primary().url() + "*\"\n  url: \"" + primary().url()
                        + "\"\n  user: \"" + primary().user() + "\"\n  driver-jar: \"" + DriverJars.postgresql() + "\"\n",
                "  driver-jar: \"" + DriverJars.mariadb() + "\"\n", "    include: [\"rc_*\"]\n");
        assertThat(DriverJars.postgresql()).isRegularFile();
        assertThat(DriverJars.mariadb()).isRegularFile();
    }

    @Test
    void theChurnWriterUpdatesAndDeletesThroughTheAgentAndTheSecondaryFollows() {
        try {
            for (TestDatabase db : new TestDatabase[] {primary(), secondary()}) {
                ReconcileTables.create(db, ReconcileTables.ITEMS, CHURN);
                ReconcileTables.seedItems(db, CHURN, CHURN_ROWS);
            }
            // with the commands' keys too: the agent ignores them
            AgentConfig config = AgentConfig.mirroring(databases).forCommands(primary(), secondary()).include("rc_*");

            RunResult run = AgentRun.with(config).run(SampleCommand.scenario("churn", primary(), "--table", CHURN,
                    "--rows", String.valueOf(CHURN_ROWS), "--threads", "2", "--pause-ms", "1", "--seconds", "3",
                    "--max-errors", "0"));

            run.assertScenarioDone("churn");
            run.verify(() -> {
                Matcher done = CHURN_DONE.matcher(run.stdout());
                assertThat(done.find()).as("the writer's last line").isTrue();
                assertThat(Long.parseLong(done.group(1))).as("rows updated").isPositive();
                assertThat(Long.parseLong(done.group(2))).as("rows deleted").isPositive();
                assertThat(Long.parseLong(done.group(4))).as("errors").isZero();
                assertThat(run.stdout()).as("progress lines").contains("churn: progress ms=");
                assertThat(run.consistentStats().journaled).as("writes the agent could not apply").isZero();
                assertThat(ReconcileTables.count(primary(), CHURN)).as("rows left on the primary")
                        .isEqualTo(CHURN_ROWS - Long.parseLong(done.group(2)));
                ReconcileTables.assertSameRows(primary(), secondary(), CHURN);
            });
        } finally {
            ReconcileTables.drop(primary(), CHURN);
            ReconcileTables.drop(secondary(), CHURN);
        }
    }

    @Test
    void aForkedJvmKilledForciblyEndsAtOnceWithoutItsCompletionLine() {
        try {
            ReconcileTables.create(primary(), ReconcileTables.ITEMS, CHURN);
            ReconcileTables.seedItems(primary(), CHURN, 1_000);
            Path neverCreated = ItPaths.workDir().resolve("never-created-" + System.nanoTime());
            ForkedJvm.RunningJvm running = new ForkedJvm().startJar(ItPaths.sampleJar(), SampleCommand.scenario("churn",
                    primary(), "--table", CHURN, "--rows", "1000", "--threads", "1", "--pause-ms", "5", "--stop-file",
                    neverCreated.toString()), "churn-killed");
            await().atMost(Duration.ofSeconds(30)).until(() -> !running.isAlive()
                    || running.stdoutSoFar().contains("churn: progress"));

            RunResult killed = running.killForcibly();

            assertThat(killed.exitCode()).as("exit code of a JVM killed by SIGKILL%n%s", killed.describe())
                    .isEqualTo(137);
            assertThat(killed.stdout()).as(killed.describe()).contains("churn: progress")
                    .doesNotContain("scenario churn done");
        } finally {
            ReconcileTables.drop(primary(), CHURN);
        }
    }
}
