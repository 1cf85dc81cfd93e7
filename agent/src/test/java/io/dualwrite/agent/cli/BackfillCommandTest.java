package io.dualwrite.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackfillCommandTest {

    @TempDir
    Path dir;

    private ReconcileCliFixture fixture;

    @BeforeEach
    void databases() throws Exception {
        fixture = new ReconcileCliFixture(dir);
    }

    @Test
    void withoutTablesBackfillIsAUsageFailureThatSaysToNameThem() {
        CliFixture.Run run = fixture.run("backfill");

        assertThat(run.exit).as("%s", run).isEqualTo(2);
        assertThat(run.err).contains("error: backfill needs --tables: name the tables to copy");
        assertThat(run.out).isEmpty();
    }

    @Test
    void copiesTheMissingRowsWithoutOverwritingAndSaysHowMany() throws Exception {
        fixture.seedDifferences();

        CliFixture.Run run = fixture.run("backfill", "--tables", "items", "--chunk-size", "3");

        assertThat(run.exit).as("%s", run).isEqualTo(0);
        assertThat(run.outLines()).containsExactly(
                "backfill: " + fixture.primaryUrl + " (primary) into " + fixture.secondaryUrl + " (secondary)",
                "items: 20 rows read, 2 copied, 18 already on the secondary",
                "done: 1 table backfilled");
        assertThat(fixture.secondaryRows("SELECT id FROM items WHERE id IN (3, 9) ORDER BY id"))
                .containsExactly("3", "9");
        assertThat(fixture.secondaryRows("SELECT label FROM items WHERE id = 5")).containsExactly("changed");
        assertThat(fixture.secondaryRows("SELECT amount FROM items WHERE id = 7")).containsExactly("700");
        assertThat(fixture.secondaryRows("SELECT COUNT(*) FROM items WHERE id = 21")).containsExactly("1");
        assertThat(run.out + run.err).doesNotContain(ReconcileCliFixture.SECRET);
    }

    @Test
    void aSecondRunSaysTheTableIsDoneAndRestartCopiesItAgain() throws Exception {
        fixture.secondary("DELETE FROM items WHERE id > 10");
        assertThat(fixture.run("backfill", "--tables", "items").exit).isEqualTo(0);
        fixture.secondary("DELETE FROM items WHERE id = 1");
        Path checkpoint = fixture.journalDir.resolve("backfill").resolve("items.checkpoint");

        CliFixture.Run again = fixture.run("backfill", "--tables", "items");
        CliFixture.Run restarted = fixture.run("backfill", "--tables", "items", "--restart");

        assertThat(again.exit).as("%s", again).isEqualTo(0);
        assertThat(again.out).contains("items: already backfilled (checkpoint " + checkpoint
                + "); --restart copies it again", "done: 1 table backfilled");
        assertThat(restarted.exit).as("%s", restarted).isEqualTo(0);
        assertThat(restarted.out).contains("items: 20 rows read, 1 copied, 19 already on the secondary");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(checkpoint))).isEqualTo("rw-------");
        }
    }

    @Test
    void aDamagedCheckpointFailsItsTableAndSaysToRestart() throws Exception {
        assertThat(fixture.run("backfill", "--tables", "items,orders").exit).isEqualTo(0);
        Path checkpoint = fixture.journalDir.resolve("backfill").resolve("items.checkpoint");
        Files.write(checkpoint, new byte[] {0, 1, 2});

        CliFixture.Run run = fixture.run("backfill", "--tables", "items,orders");
        CliFixture.Run restarted = fixture.run("backfill", "--tables", "items", "--restart");

        assertThat(run.exit).as("%s", run).isEqualTo(2);
        assertThat(run.out).contains("items: failed: the backfill checkpoint " + checkpoint + " cannot be read",
                "--restart copies the table from its start",
                "orders: already backfilled",
                "result: 1 table backfilled, 1 failed; run the same command again to resume");
        assertThat(restarted.exit).as("%s", restarted).isEqualTo(0);
        assertThat(restarted.out).contains("items: 20 rows read, 0 copied, 20 already on the secondary");
    }

    @Test
    void aTableWithoutAKeyIsNotCopied() throws Exception {
        fixture.both("CREATE TABLE logs (message VARCHAR(100))");
        fixture.primary("INSERT INTO logs VALUES ('" + ReconcileCliFixture.SECRET + "')");

        CliFixture.Run run = fixture.run("backfill", "--tables", "logs,items");

        assertThat(run.exit).as("%s", run).isEqualTo(2);
        assertThat(run.out).contains("logs: not copied: no primary key nor unique key",
                "items: 20 rows read, 0 copied, 20 already on the secondary",
                "result: 1 table backfilled, 1 failed").doesNotContain(ReconcileCliFixture.SECRET);
        assertThat(fixture.secondaryRows("SELECT COUNT(*) FROM logs")).containsExactly("0");
    }

    @Test
    void aNegativeRateIsRefused() {
        CliFixture.Run run = fixture.run("backfill", "--tables", "items", "--max-rows-per-second", "-1");

        assertThat(run.exit).as("%s", run).isEqualTo(2);
        assertThat(run.err).contains("error: --max-rows-per-second -1 is negative");
    }

    @Test
    void aRateLimitStillCopiesEveryRow() throws Exception {
        fixture.secondary("DELETE FROM items");

        CliFixture.Run run = fixture.run("backfill", "--tables", "items", "--max-rows-per-second", "1000000");

        assertThat(run.exit).as("%s", run).isEqualTo(0);
        assertThat(run.out).contains("items: 20 rows read, 20 copied, 0 already on the secondary");
    }
}
