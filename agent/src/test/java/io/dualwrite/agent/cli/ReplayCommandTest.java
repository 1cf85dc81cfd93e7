package io.dualwrite.agent.cli;

import static io.dualwrite.agent.cli.CliFixture.insertOrder;
import static io.dualwrite.agent.cli.CliFixture.insertOrders;
import static io.dualwrite.agent.cli.CliFixture.statement;
import static io.dualwrite.agent.cli.CliFixture.unit;
import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.agent.journal.Journal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {

    @TempDir
    Path dir;

    private CliFixture.Run replay(CliFixture fixture, String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "replay";
        args[1] = "--config";
        args[2] = fixture.config.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        return fixture.run(args);
    }

    private static long pending(CliFixture fixture) throws Exception {
        try (Journal journal = fixture.openJournal()) {
            return journal.stats().pendingRecords();
        }
    }

    @Test
    void appliesEveryPendingRecordInOrderAndExitsZero() throws Exception {
        CliFixture fixture = CliFixture.withSecondary(dir);
        fixture.journal(
                unit(insertOrder(1, "one"), insertOrders(new Object[] {2L, "two"}, new Object[] {3L, "three"})),
                unit(statement("UPDATE orders SET label = 'updated' WHERE id = 1")),
                unit(statement("INSERT INTO customers (id, name) VALUES (1, 'Ada')")));

        CliFixture.Run run = replay(fixture);

        assertThat(run.exit).as("%s", run).isEqualTo(0);
        assertThat(run.out).contains("replaying 3 records to jdbc:h2:mem:dw_cli_", "applied: 3 records",
                "done: every pending record was handled");
        assertThat(fixture.count("orders")).isEqualTo(3);
        assertThat(fixture.label(1)).as("the update came after the insert").isEqualTo("updated");
        assertThat(fixture.count("customers")).isEqualTo(1);
        assertThat(pending(fixture)).isZero();
    }

    @Test
    void replayingAgainAppliesNothingTwice() throws Exception {
        CliFixture fixture = CliFixture.withSecondary(dir);
        fixture.journal(unit(insertOrder(1, "one")), unit(insertOrder(2, "two")));
        assertThat(replay(fixture).exit).isEqualTo(0);

        CliFixture.Run again = replay(fixture);

        assertThat(again.exit).as("%s", again).isEqualTo(0);
        assertThat(again.out).contains("nothing to replay").contains("has no pending record");
        assertThat(fixture.count("orders")).isEqualTo(2);
    }

    @Test
    void aPoisonRecordIsDeadLetteredWithItsReasonReplayGoesOnAndExitsOne() throws Exception {
        CliFixture fixture = CliFixture.withSecondary(dir);
        fixture.sql("INSERT INTO orders (id, label) VALUES (5, 'there before')");
        fixture.journal(unit(insertOrder(1, "one")), unit(insertOrder(5, "duplicate key")), unit(insertOrder(2, "two")));

        CliFixture.Run run = replay(fixture);

        Path deadLetters = fixture.journalDir.resolve("dead-letters.jsonl");
        assertThat(run.exit).as("%s", run).isEqualTo(1);
        assertThat(run.out).contains("applied: 2 records", "dead-lettered: 1 record, written to " + deadLetters);
        assertThat(fixture.count("orders")).isEqualTo(3);
        assertThat(Files.readAllLines(deadLetters, StandardCharsets.UTF_8)).singleElement().asString()
                .contains("\"sequence\":2", "duplicate key", "\"dead-letter-reason\":\"INSERT orders: ", "SQLState 23505");
        assertThat(pending(fixture)).isZero();
    }

    @Test
    void stopOnErrorStopsAtThePoisonRecordLeavingItPendingAndExitsTwo() throws Exception {
        CliFixture fixture = CliFixture.withSecondary(dir);
        fixture.sql("INSERT INTO orders (id, label) VALUES (5, 'there before')");
        fixture.journal(unit(insertOrder(1, "one")), unit(insertOrder(5, "duplicate key")), unit(insertOrder(2, "two")));

        CliFixture.Run run = replay(fixture, "--stop-on-error");

        assertThat(run.exit).as("%s", run).isEqualTo(2);
        assertThat(run.out).contains("applied: 1 record", "stopped: record 2 failed", "stays pending");
        assertThat(fixture.label(2)).isNull();
        assertThat(fixture.journalDir.resolve("dead-letters.jsonl")).doesNotExist();
        assertThat(pending(fixture)).isEqualTo(2);
    }

    @Test
    void aDryRunSaysWhatWouldBeAppliedAndChangesNothing() throws Exception {
        CliFixture fixture = CliFixture.withSecondary(dir);
        fixture.journal(
                unit(insertOrder(1, "one"), insertOrders(new Object[] {2L, "two"}, new Object[] {3L, "three"})),
                unit(statement("INSERT INTO customers (id, name) VALUES (1, 'Ada')")));

        CliFixture.Run run = replay(fixture, "--dry-run");

        assertThat(run.exit).as("%s", run).isEqualTo(0);
        assertThat(run.out).contains("dry run: replay would apply 2 records (1 transaction, 1 single write), "
                + "3 writes, 4 rows to jdbc:h2:mem:dw_cli_", "nothing was changed");
        assertThat(run.outLines()).anySatisfy(line -> assertThat(line).matches(" +orders +2 +3"))
                .anySatisfy(line -> assertThat(line).matches(" +customers +1 +1"));
        assertThat(fixture.count("orders")).isZero();
        assertThat(pending(fixture)).isEqualTo(2);
        assertThat(fixture.journalDir.resolve("dead-letters.jsonl")).doesNotExist();
    }

    @Test
    void anUnreachableSecondaryStopsReplayWithEveryRecordPendingAndSaysWhatToCheck() throws Exception {
        CliFixture fixture = CliFixture.withSecondaryUrl(dir, "jdbc:h2:tcp://127.0.0.1:1/nothing");
        fixture.journal(unit(insertOrder(1, "one")));

        CliFixture.Run run = replay(fixture);

        assertThat(run.exit).as("%s", run).isEqualTo(2);
        assertThat(run.out).contains("stopped: the secondary cannot be reached",
                "connecting to jdbc:h2:tcp://127.0.0.1:1/nothing as sa failed",
                "check that the secondary is up");
        assertThat(pending(fixture)).isEqualTo(1);
    }

    @Test
    void withoutADriverForTheSecondaryItSaysToGiveOne() throws Exception {
        CliFixture fixture = CliFixture.withSecondaryUrl(dir, "jdbc:nosuchdatabase://127.0.0.1/x");
        fixture.journal(unit(insertOrder(1, "one")));

        CliFixture.Run run = replay(fixture);

        assertThat(run.exit).as("%s", run).isEqualTo(2);
        assertThat(run.err).contains("error: no JDBC driver for jdbc:nosuchdatabase://127.0.0.1/x was found",
                "--driver-jar PATH or secondary.driver-jar in " + fixture.config);
        assertThat(pending(fixture)).isEqualTo(1);
    }

    @Test
    void aDriverJarThatDoesNotExistIsNamed() throws Exception {
        CliFixture fixture = CliFixture.withSecondary(dir);
        fixture.journal(unit(insertOrder(1, "one")));
        Path missing = dir.resolve("no-such-driver.jar");

        CliFixture.Run run = replay(fixture, "--driver-jar", missing.toString());

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).contains("--driver-jar " + missing + ": no such file");
    }

    @Test
    void aJournalHeldByARunningApplicationIsLeftToItsAgent() throws Exception {
        CliFixture fixture = CliFixture.withSecondary(dir);
        fixture.journal(unit(insertOrder(1, "one")));
        try (Journal heldByTheApplication = fixture.openJournal()) {
            CliFixture.Run run = replay(fixture);

            assertThat(run.exit).isEqualTo(2);
            assertThat(run.err).contains("error: the journal " + fixture.journalDir + " is in use by a running "
                    + "application; its agent replays it by itself; stop the application to replay from the command "
                    + "line");
        }
        assertThat(fixture.count("orders")).isZero();
    }

    @Test
    void aConfigurationWithoutASecondaryCannotBeReplayed() throws Exception {
        CliFixture fixture = CliFixture.withSecondary(dir);
        Files.writeString(fixture.config, "enabled: false\n");

        CliFixture.Run run = replay(fixture);

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).contains("has no secondary section");
    }

    @Test
    void theSecondarysPasswordIsNeverShown() throws Exception {
        CliFixture fixture = CliFixture.withSecondary(dir);
        fixture.sql("INSERT INTO orders (id, label) VALUES (5, 'there before')");
        fixture.journal(unit(insertOrder(5, "duplicate key")));

        CliFixture.Run run = replay(fixture);
        CliFixture.Run dry = replay(fixture, "--dry-run");

        assertThat(run.out + run.err + dry.out + dry.err).doesNotContain(CliFixture.SECRET);
        assertThat(Files.readString(fixture.journalDir.resolve("dead-letters.jsonl"))).doesNotContain(CliFixture.SECRET);
    }
}
