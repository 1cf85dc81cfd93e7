package io.dualwrite.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What verify, repair and backfill share: their options, their configuration, their help. */
class ReconcileOptionsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"verify,0", "verify,20000", "repair,0", "repair,10001", "backfill,0", "backfill,-3"})
    void aChunkSizeOutsideItsRangeIsRefused(String command, String chunkSize) throws Exception {
        ReconcileCliFixture fixture = new ReconcileCliFixture(dir);

        CliFixture.Run run = fixture.run(command, "--tables", "items", "--chunk-size", chunkSize);

        assertThat(run.exit).as("%s", run).isEqualTo(2);
        assertThat(run.err).contains("error: --chunk-size " + chunkSize + " is not in 1..10000");
        assertThat(run.out).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"verify", "repair"})
    void anIgnoredColumnWithoutItsTableIsRefused(String command) throws Exception {
        ReconcileCliFixture fixture = new ReconcileCliFixture(dir);

        CliFixture.Run run = fixture.run(command, "--ignore-columns", "items.label,badformat");

        assertThat(run.exit).as("%s", run).isEqualTo(2);
        assertThat(run.err).contains("error: --ignore-columns takes table.column, not 'badformat'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"verify", "repair", "backfill"})
    void aConfigurationWithoutPrimaryUrlSaysToAddIt(String command) throws Exception {
        Path config = Files.writeString(dir.resolve("dw.yaml"), "primary:\n  url-pattern: \"jdbc:h2:mem:app*\"\n"
                + "secondary:\n  url: \"jdbc:h2:mem:dw_rc_no_primary;MODE=PostgreSQL\"\n");

        CliFixture.Run run = ReconcileCliFixture.runArgs(command, "--config", config.toString(), "--tables", "items");

        assertThat(run.exit).as("%s", run).isEqualTo(2);
        assertThat(run.err).contains("error: " + config + " has no primary.url: " + command
                + " connects to the primary with primary.url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"verify", "repair", "backfill"})
    void aCommandWithoutItsConfigurationIsAUsageError(String command) {
        CliFixture.Run run = ReconcileCliFixture.runArgs(command);

        assertThat(run.exit).as("%s", run).isEqualTo(2);
        assertThat(run.err).contains("Missing required option: '--config FILE'", "Usage:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"verify", "repair", "backfill"})
    void everyCommandExplainsItselfOnHelp(String command) {
        CliFixture.Run run = ReconcileCliFixture.runArgs(command, "--help");

        assertThat(run.exit).as("%s", run).isEqualTo(0);
        assertThat(run.out).startsWith("Usage: java -jar dualwrite-agent.jar " + command)
                .contains("--config FILE", "--tables", "--chunk-size", "Exit codes:");
    }

    @Test
    void theTopLevelHelpListsVerifyRepairAndBackfillWithTheirOptions() {
        CliFixture.Run run = ReconcileCliFixture.runArgs("--help");

        assertThat(run.exit).as("%s", run).isEqualTo(0);
        assertThat(run.out).contains(
                "verify --config FILE [--tables TABLE,...] [--chunk-size N] [--report FILE.json] "
                        + "[--ignore-columns TABLE.COLUMN,...]",
                "repair --config FILE [--tables TABLE,...] [--chunk-size N] [--ignore-columns TABLE.COLUMN,...] "
                        + "[--dry-run]",
                "backfill --config FILE [--tables TABLE,...] [--chunk-size N] [--max-rows-per-second N] [--restart]");
    }

    @Test
    void aSecondaryThatIsNotUpSaysWhatToCheck() throws Exception {
        ReconcileCliFixture fixture = new ReconcileCliFixture(dir);
        String absent = "jdbc:h2:mem:dw_rc_absent;MODE=PostgreSQL;IFEXISTS=TRUE";
        Path config = Files.writeString(dir.resolve("absent.yaml"), Files.readString(fixture.config)
                .replace(fixture.secondaryUrl, absent));

        CliFixture.Run run = ReconcileCliFixture.runArgs("verify", "--config", config.toString());

        assertThat(run.exit).as("%s", run).isEqualTo(2);
        assertThat(run.err).contains("error: connecting to the secondary " + absent + " as sa failed",
                "check that the secondary is up and reachable from here");
    }
}
