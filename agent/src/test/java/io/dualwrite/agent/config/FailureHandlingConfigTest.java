package io.dualwrite.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dualwrite.agent.journal.FsyncMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys that say what becomes of failed writes: writes.on-failure, the async queue, journal and metrics. */
class FailureHandlingConfigTest {

    private static final String SOURCE = "/x/dw.yaml";
    private static final String MINIMAL = "primary:\n  url-pattern: \"jdbc:postgresql://db/shop*\"\n"
            + "secondary:\n  url: \"jdbc:mariadb://db2/shop\"\n";

    @TempDir
    Path dir;

    private static AgentConfig parse(String extra) throws ConfigException {
        return ConfigLoader.parse(MINIMAL + extra, SOURCE, Map.<String, String>of()::get);
    }

    private static String error(String extra) {
        try {
            return "parsed: " + parse(extra);
        } catch (ConfigException e) {
            return e.getMessage();
        }
    }

    @Test
    void leftOutFailedWritesAreJournaledInADirectoryNextToTheWorkingDirectoryWithGroupCommit() throws Exception {
        AgentConfig config = parse("");
        assertThat(config.writes().onFailure()).isEqualTo(FailurePolicy.JOURNAL);
        assertThat(config.journal().dir()).isEqualTo(Paths.get("dualwrite-journal").toAbsolutePath());
        assertThat(config.journal().fsync()).isEqualTo(FsyncMode.BATCH);
        assertThat(config.journal().segmentSizeMb()).isEqualTo(64);
        assertThat(config.journal().retryIntervalMs()).isEqualTo(1000);
        assertThat(config.journal().deadLetters()).isEqualTo(config.journal().dir().resolve("dead-letters.jsonl"));
        assertThat(config.metrics()).isEqualTo(MetricsConfig.defaults());
        assertThat(config.metrics().jmx()).isTrue();
        assertThat(config.metrics().port()).isZero();
    }

    @Test
    void everyFailurePolicyIsReadByItsName() throws Exception {
        assertThat(parse("writes:\n  on-failure: journal\n").writes().onFailure()).isEqualTo(FailurePolicy.JOURNAL);
        assertThat(parse("writes:\n  on-failure: fail\n").writes().onFailure()).isEqualTo(FailurePolicy.FAIL);
        assertThat(parse("writes:\n  on-failure: ignore\n").writes().onFailure()).isEqualTo(FailurePolicy.IGNORE);
    }

    @Test
    void anUnknownFailurePolicyNamesTheChoices() {
        assertThat(error("writes:\n  on-failure: retry\n")).isEqualTo(SOURCE
                + " line 6: writes.on-failure: retry is not a failure policy; use one of journal, fail, ignore");
    }

    @Test
    void queueSettingsAreReadAndBounded() throws Exception {
        WritesConfig writes = parse("writes:\n  mode: async\n  queue-capacity: 500\n  when-full: block\n"
                + "  shutdown-timeout-ms: 0\n").writes();
        assertThat(writes.mode()).isEqualTo(WriteMode.ASYNC);
        assertThat(writes.queueCapacity()).isEqualTo(500);
        assertThat(writes.whenFull()).isEqualTo(WhenFull.BLOCK);
        assertThat(writes.shutdownTimeoutMs()).isZero();
        assertThat(error("writes:\n  queue-capacity: 0\n")).isEqualTo(SOURCE
                + " line 6: writes.queue-capacity: 0 is out of range; use a whole number from 1 to 10000000");
        assertThat(error("writes:\n  when-full: drop\n")).isEqualTo(SOURCE + " line 6: writes.when-full: drop is not "
                + "what to do when the queue is full; use one of journal, block");
    }

    @Test
    void aRelativeJournalDirectoryIsRelativeToTheConfigFileSoTheCommandLineFindsTheSameJournal() throws Exception {
        Path file = Files.writeString(dir.resolve("dw.yaml"), MINIMAL
                + "journal:\n  dir: spool/journal\n  fsync: always\n  segment-size-mb: 8\n  retry-interval-ms: 250\n");
        JournalConfig journal = ConfigLoader.load(file).journal();
        assertThat(journal.dir()).isEqualTo(dir.toAbsolutePath().resolve("spool/journal"));
        assertThat(journal.fsync()).isEqualTo(FsyncMode.ALWAYS);
        assertThat(journal.options().segmentBytes()).isEqualTo(8L * 1024 * 1024);
        assertThat(journal.retryIntervalMs()).isEqualTo(250);
        Path leftOut = Files.writeString(dir.resolve("plain.yaml"), MINIMAL);
        assertThat(ConfigLoader.load(leftOut).journal().dir()).isEqualTo(dir.toAbsolutePath().resolve("dualwrite-journal"));
    }

    @Test
    void badJournalKeysSayWhatIsWrong() {
        assertThat(error("journal:\n  fsync: sometimes\n")).isEqualTo(SOURCE
                + " line 6: journal.fsync: sometimes is not an fsync mode; use one of always, batch, never");
        assertThat(error("journal:\n  dir: \"\"\n")).startsWith(SOURCE + " line 6: journal.dir: is empty;");
        assertThat(error("journal:\n  retry-interval-ms: 10\n")).isEqualTo(SOURCE
                + " line 6: journal.retry-interval-ms: 10 is out of range; use a whole number from 50 to 3600000");
        assertThat(error("journal:\n  size: 3\n")).isEqualTo(SOURCE + " line 6: journal.size: unknown key; allowed "
                + "under journal: dir, fsync, segment-size-mb, retry-interval-ms");
    }

    @Test
    void theMetricsEndpointListensOnLoopbackUnlessAHostIsGiven() throws Exception {
        MetricsConfig metrics = parse("metrics:\n  port: 9464\n").metrics();
        assertThat(metrics.port()).isEqualTo(9464);
        assertThat(metrics.host()).isEqualTo("127.0.0.1");
        MetricsConfig everywhere = parse("metrics:\n  port: 9464\n  host: \"0.0.0.0\"\n  jmx: false\n").metrics();
        assertThat(everywhere.host()).isEqualTo("0.0.0.0");
        assertThat(everywhere.jmx()).isFalse();
        assertThat(error("metrics:\n  port: 70000\n")).isEqualTo(SOURCE
                + " line 6: metrics.port: 70000 is out of range; use a whole number from 1 to 65535");
    }

    @Test
    void theStartUpLineNamesThePolicyAndTheJournal() throws Exception {
        Path journal = dir.resolve("j");
        assertThat(parse("writes:\n  on-failure: ignore\njournal:\n  dir: \"" + journal + "\"\n").describe())
                .contains("on-failure ignore").contains("journal " + journal.toAbsolutePath() + " (fsync batch)");
        assertThatThrownBy(() -> new JournalConfig(null, FsyncMode.BATCH, 1, 100))
                .isInstanceOf(NullPointerException.class);
    }
}
