package io.dualwrite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reads.*} edited while the application reads in a loop: a valid change of the route takes effect within two
 * seconds, without a restart, and is logged as one line of changes; an invalid edit is reported as an error and
 * the routing in force stays. The application tells which side answered each read from the marker rows each side
 * was seeded with, and prints what it got each 100 ms.
 */
class ReadsHotReloadIT extends DatabasePairPerClass {

    private static final Duration WITHIN = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    ReadsHotReloadIT() {
        super(DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB);
    }

    @BeforeEach
    void markEachSide() {
        ReadTables.recreate(primary(), "primary");
        ReadTables.recreate(secondary(), "secondary");
    }

    @Test
    void aRouteEditTakesEffectWithinTwoSecondsAndAnInvalidEditChangesNothing() throws Exception {
        AgentConfig config = AgentConfig.mirroring(databases).reads("primary");
        AgentRun agentRun = AgentRun.with(config);
        Path stopFile = dir.resolve("stop");
        ForkedJvm.RunningJvm running = agentRun.start(SampleCommand.scenario("reads", primary(), "--read", "plain",
                "--rows", String.valueOf(ReadTables.MARKER_ROWS), "--pause-ms", "2",
                "--stop-file", stopFile.toString(), "--seconds", "60"));
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> windows(running).size() >= 3 || !running.isAlive());
            assertThat(windows(running)).as("what the primary route answered%n%s", running.stdoutSoFar())
                    .hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(window -> assertThat(window.secondary).as("reads from the secondary in %s", window)
                            .isZero());

            int beforeEdit = windows(running).size();
            Files.writeString(agentRun.configPath(), config.reads("split").secondaryPercent(100).toYaml());
            await().atMost(WITHIN).until(() -> windowsAfter(running, beforeEdit).stream()
                    .anyMatch(window -> window.secondary > 0));
            assertThat(linesOf(running.stderrSoFar(), "configuration reloaded from " + agentRun.configPath() + ": "))
                    .as("the reload's line on stderr%n%s", running.stderrSoFar())
                    .hasSize(1)
                    .allSatisfy(line -> assertThat(line).contains("reads.route primary -> split"));
            await().atMost(WITHIN).until(() -> windowsAfter(running, beforeEdit).stream()
                    .anyMatch(window -> window.secondary > 0 && window.primary == 0));

            Files.writeString(agentRun.configPath(), config.toYaml()
                    .replace("secondary-percent: 100", "secondary-percent: 150"));
            await().atMost(WITHIN).until(() -> !errorLinesNaming(running.stderrSoFar(), "reads.secondary-percent")
                    .isEmpty());
            int atError = windows(running).size();
            await().atMost(WITHIN).until(() -> windowsAfter(running, atError).size() >= 5);
            assertThat(windowsAfter(running, atError)).as("what split at 100 percent answered after the invalid edit")
                    .allSatisfy(window -> assertThat(window.primary).as("reads from the primary in %s", window)
                            .isZero());
            assertThat(linesOf(running.stderrSoFar(), "configuration reloaded from "))
                    .as("reload lines on stderr: the invalid edit is none%n%s", running.stderrSoFar()).hasSize(1);
        } finally {
            touch(stopFile);
        }
        ReadOutput output = ReadOutput.of(running.awaitExit());
        ReadOutput.Tally all = output.total("plain");
        assertThat(all.errors).as("reads that failed in the application, %s%n%s", all, output.describe()).isZero();
        assertThat(all.primary).as("reads the primary answered, %s", all).isPositive();
        assertThat(all.secondary).as("reads the secondary answered, %s", all).isPositive();
    }

    private static List<ReadOutput.Tally> windows(ForkedJvm.RunningJvm running) {
        return ReadOutput.windows(running.stdoutSoFar());
    }

    /** The windows printed after the first {@code count} (the first of them may have begun before). */
    private static List<ReadOutput.Tally> windowsAfter(ForkedJvm.RunningJvm running, int count) {
        List<ReadOutput.Tally> windows = windows(running);
        return new ArrayList<>(windows.subList(Math.min(count, windows.size()), windows.size()));
    }

    private static List<String> linesOf(String text, String containing) {
        return text.lines().filter(line -> line.contains(containing)).collect(Collectors.toList());
    }

    private static List<String> errorLinesNaming(String stderr, String key) {
        return stderr.lines()
                .filter(line -> line.contains("ERROR") && line.toLowerCase(Locale.ROOT).contains("dualwrite"))
                .filter(line -> line.contains(key))
                .collect(Collectors.toList());
    }

    private static void touch(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
    }
}
