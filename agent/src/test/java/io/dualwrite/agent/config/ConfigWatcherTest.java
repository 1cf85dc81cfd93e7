package io.dualwrite.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.agent.log.RecordingLogger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running agent's configuration file, edited: what is applied at once, what waits, what is refused. */
class ConfigWatcherTest {

    private static final String BASE = "primary:\n  url-pattern: \"jdbc:postgresql://db/shop*\"\n"
            + "secondary:\n  url: \"jdbc:mariadb://db2/shop\"\n  password: \"S3cret-in-file\"\n";

    @TempDir
    Path dir;

    private Path file;
    private final RecordingLogger log = new RecordingLogger();
    private final List<AgentConfig> applied = new ArrayList<>();
    private ConfigWatcher watcher;

    @BeforeEach
    void aRunningAgentWithItsFile() throws Exception {
        file = Files.writeString(dir.resolve("dualwrite.yaml"), BASE + "writes:\n  on-failure: journal\n");
        watcher = new ConfigWatcher(file, ConfigLoader.load(file), applied::add, log, 60_000);
        watcher.start();
    }

    private void edit(String yaml) throws IOException {
        Files.writeString(file, yaml);
        watcher.checkOnce();
    }

    @Test
    void aValidChangeOfALiveKeyIsAppliedAndLoggedAsOneLineOfChanges() throws Exception {
        edit(BASE + "enabled: false\nwrites:\n  on-failure: ignore\n");

        assertThat(applied).singleElement().satisfies(config -> {
            assertThat(config.enabled()).isFalse();
            assertThat(config.writes().onFailure()).isEqualTo(FailurePolicy.IGNORE);
        });
        assertThat(log.lines).containsExactly("INFO configuration reloaded from " + file
                + ": enabled true -> false; writes.on-failure journal -> ignore");
    }

    @Test
    void aNewReadRouteIsAppliedWhileANewReadPoolWaitsForTheRestart() throws Exception {
        edit(BASE + "writes:\n  on-failure: journal\nreads:\n  route: split\n  secondary-percent: 10\n"
                + "  pool-size: 2\n");

        assertThat(applied).singleElement().satisfies(config -> {
            assertThat(config.reads().route()).isEqualTo(ReadRoute.SPLIT);
            assertThat(config.reads().secondaryPercent()).isEqualTo(10);
        });
        assertThat(log.lines).containsExactly("INFO configuration reloaded from " + file
                + ": reads.route primary -> split; reads.secondary-percent 0 -> 10",
                "WARN " + file + " changed reads.pool-size: taken at the next start of the application");
    }

    @Test
    void anInvalidEditIsReportedOnceAndChangesNothing() throws Exception {
        edit(BASE + "writes:\n  on-failure: sometimes\n");
        watcher.checkOnce();

        assertThat(applied).isEmpty();
        assertThat(log.lines).singleElement().asString().startsWith("ERROR configuration error: " + file
                + " line 7: writes.on-failure: sometimes is not a failure policy")
                .endsWith("the edit is ignored and the configuration in force stays");

        edit(BASE + "writes:\n  on-failure: ignore\n");
        assertThat(applied).hasSize(1);
        assertThat(log.lines).contains("INFO the configuration file " + file + " is valid again");
    }

    @Test
    void keysThatNeedARestartAreNamedWithoutTheirValuesAndNotApplied() throws Exception {
        edit(BASE.replace("S3cret-in-file", "An0ther-S3cret") + "writes:\n  on-failure: journal\n  ddl: true\n");

        assertThat(applied).isEmpty();
        assertThat(log.lines).containsExactly("WARN " + file + " changed secondary, writes.ddl: taken at the next "
                + "start of the application");
        assertThat(String.join("\n", log.lines)).doesNotContain("S3cret");
    }

    @Test
    void anUnchangedFileIsNotReadAsAChange() throws Exception {
        watcher.checkOnce();
        edit(BASE + "writes:\n  on-failure: journal\n");

        assertThat(applied).isEmpty();
        assertThat(log.lines).isEmpty();
    }

    @Test
    void anEditOfThePrimarysConnectionKeysIsNeitherAppliedNorAwaitingARestartAndShowsNoSecret() throws Exception {
        edit(BASE.replace("primary:\n", "primary:\n  url: jdbc:postgresql://db/shop\n  user: app\n"
                + "  password: \"Pr1mary-S3cret\"\n") + "writes:\n  on-failure: journal\n");

        assertThat(applied).isEmpty();
        assertThat(log.lines).isEmpty();
    }
}
