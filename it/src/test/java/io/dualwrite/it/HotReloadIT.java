package io.dualwrite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration file edited while the application writes: a valid change of {@code writes.on-failure} or
 * {@code enabled} takes effect within two seconds and is logged as one line of changes; an invalid edit is
 * reported and changes nothing. The secondary is unreachable, so every write's fate shows the policy in force.
 */
class HotReloadIT extends DatabasePairPerClass {

    private static final Duration WITHIN = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    HotReloadIT() {
        super(DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB);
    }

    @Test
    void editsTakeEffectWithinTwoSecondsAndAnInvalidEditChangesNothing() throws Exception {
        AgentMetrics metrics = AgentMetrics.onAFreePort();
        AgentConfig config = AgentConfig.mirroring(databases)
                .secondary("jdbc:mariadb://127.0.0.1:1/unreachable", "dualwrite", "x")
                .connectTimeoutMs(500).retryIntervalMs(60_000).shutdownTimeoutMs(0).metricsPort(metrics.port());
        AgentRun agentRun = AgentRun.with(config);
        Path stopFile = dir.resolve("stop");
        Path exitFile = dir.resolve("exit");
        ForkedJvm.RunningJvm running = agentRun.start(SampleCommand.scenario("load", primary(), "--threads", "2",
                "--pause-ms", "5", "--max-errors", "0", "--stop-file", stopFile.toString(),
                "--exit-file", exitFile.toString(), "--seconds", "60"));
        try {
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> metrics.read().writes("journaled") > 0);

            edit(agentRun, config.onFailure("ignore"));
            await().atMost(WITHIN).until(() -> metrics.read().writes("ignored") > 0);
            assertThat(running.stderrSoFar()).contains("configuration reloaded from " + agentRun.configPath()
                    + ": writes.on-failure journal -> ignore");

            long journaled = metrics.read().writes("journaled");
            Files.writeString(agentRun.configPath(), config.toYaml().replace("on-failure: ignore", "on-failure: maybe"));
            await().atMost(WITHIN).until(() -> running.stderrSoFar().contains("writes.on-failure: maybe is not a "
                    + "failure policy"));
            long ignored = metrics.read().writes("ignored");
            await().atMost(WITHIN).until(() -> metrics.read().writes("ignored") > ignored);
            assertThat(metrics.read().writes("journaled")).as("journaled writes after the invalid edit")
                    .isEqualTo(journaled);

            edit(agentRun, config.enabled(false));
            await().atMost(WITHIN).until(() -> running.stderrSoFar().contains("enabled true -> false"));
            long seen = seen(metrics.read());
            Thread.sleep(500);
            assertThat(seen(metrics.read())).as("writes seen once mirroring is off").isEqualTo(seen);
        } finally {
            touch(stopFile);
            touch(exitFile);
        }
        RunResult run = running.awaitExit().assertScenarioDone("load");
        Stats stats = run.consistentStats();
        assertThat(stats.journaled).as("journaled in %s%n%s", stats, run.describe()).isPositive();
        assertThat(stats.ignored).as("ignored in %s%n%s", stats, run.describe()).isPositive();
        assertThat(run.stdout()).as(run.describe()).contains("errors=0");
    }

    private static long seen(AgentMetrics.Reading reading) {
        return reading.writes("applied") + reading.writes("journaled") + reading.writes("ignored")
                + reading.writes("skipped") + reading.writes("lost");
    }

    private static void edit(AgentRun run, AgentConfig config) throws IOException {
        Files.writeString(run.configPath(), config.toYaml());
    }

    private static void touch(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
    }
}
