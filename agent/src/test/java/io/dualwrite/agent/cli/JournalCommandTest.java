package io.dualwrite.agent.cli;

import static io.dualwrite.agent.cli.CliFixture.insertOrder;
import static io.dualwrite.agent.cli.CliFixture.insertOrders;
import static io.dualwrite.agent.cli.CliFixture.statement;
import static io.dualwrite.agent.cli.CliFixture.unit;
import static io.dualwrite.agent.cli.CliFixture.unitFailedWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.agent.journal.Journal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalCommandTest {

    private static final String ISO_UTC = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?Z";

    @TempDir
    Path dir;

    private CliFixture fixture;

    @BeforeEach
    void configuration() throws Exception {
        fixture = CliFixture.withSecondaryUrl(dir, "jdbc:h2:mem:unused");
    }

    private void threeRecords() throws Exception {
        fixture.journal(
                unit(insertOrder(1, "one"), insertOrders(new Object[] {2L, "two"}, new Object[] {3L, "three"})),
                unitFailedWith("SQLIntegrityConstraintViolationException SQLState 23000",
                        statement("UPDATE customers SET name = 'x' WHERE id = 1")),
                unit(insertOrder(4, "four")));
    }

    @Test
    void summarisesRecordsTransactionsWritesRowsTablesAndFailureReasons() throws Exception {
        threeRecords();

        CliFixture.Run run = fixture.run("journal", "--config", fixture.config.toString());

        assertThat(run.exit).as("%s", run).isEqualTo(0);
        assertThat(run.out).contains("journal " + fixture.journalDir,
                "pending: 3 records (1 transaction, 2 single writes), 4 writes, 5 rows, ",
                "records: 1 to 3 (checkpoint 0)",
                "damage found on open: none",
                "dead letters: " + fixture.journalDir.resolve("dead-letters.jsonl") + " (none yet)");
        assertThat(run.outLines()).anySatisfy(line -> assertThat(line).matches("oldest: +" + ISO_UTC))
                .anySatisfy(line -> assertThat(line).matches("newest: +" + ISO_UTC))
                .anySatisfy(line -> assertThat(line).matches(" +orders +3 +4"))
                .anySatisfy(line -> assertThat(line).matches(" +customers +1 +1"))
                .anySatisfy(line -> assertThat(line).matches(" +SQLTransientConnectionException SQLState 08001 +2"))
                .anySatisfy(line -> assertThat(line)
                        .matches(" +SQLIntegrityConstraintViolationException SQLState 23000 +1"));
    }

    @Test
    void jsonSummaryHoldsTheSameFigures() throws Exception {
        threeRecords();

        CliFixture.Run run = fixture.run("journal", "--config", fixture.config.toString(), "--json");

        assertThat(run.exit).as("%s", run).isEqualTo(0);
        assertThat(run.outLines()).singleElement().asString().startsWith("{").endsWith("}").contains(
                "\"records\":3,\"transactions\":1,\"single-writes\":2,\"unreadable\":0,\"writes\":4,\"rows\":5",
                "\"first-sequence\":1,\"last-sequence\":3",
                "\"by-table\":{\"customers\":{\"writes\":1,\"rows\":1},\"orders\":{\"writes\":3,\"rows\":4}}",
                "\"by-failure\":{\"SQLIntegrityConstraintViolationException SQLState 23000\":1,"
                        + "\"SQLTransientConnectionException SQLState 08001\":2}",
                "\"damage\":[]",
                "\"exists\":true");
        assertThat(run.out).containsPattern("\"oldest\":\"" + ISO_UTC + "\"");
    }

    @Test
    void aJournalThatWasNeverCreatedHasNothingPendingAndIsNotCreatedByLooking() {
        CliFixture.Run run = fixture.run("journal", "--config", fixture.config.toString());

        assertThat(run.exit).as("%s", run).isEqualTo(0);
        assertThat(run.out).contains("does not exist", "pending: none");
        assertThat(fixture.journalDir).doesNotExist();
    }

    @Test
    void recordsAlreadyReplayedAreNotPending() throws Exception {
        threeRecords();
        try (Journal journal = fixture.openJournal()) {
            journal.checkpoint(3);
        }

        CliFixture.Run run = fixture.run("journal", "--config", fixture.config.toString());

        assertThat(run.exit).as("%s", run).isEqualTo(0);
        assertThat(run.out).contains("pending: none (checkpoint 3)").doesNotContain("by table");
    }

    @Test
    void theDeadLetterFileIsNamedWithItsRecordCount() throws Exception {
        threeRecords();
        Files.writeString(fixture.journalDir.resolve("dead-letters.jsonl"), "{\"sequence\":1}\n{\"sequence\":2}\n");

        CliFixture.Run run = fixture.run("journal", "--config", fixture.config.toString());

        assertThat(run.out).contains("dead letters: " + fixture.journalDir.resolve("dead-letters.jsonl") + " (2 records)");
    }

    @Test
    void damageFoundOnOpenIsReported() throws Exception {
        threeRecords();
        Path segment;
        try (Stream<Path> files = Files.list(fixture.journalDir)) {
            segment = files.filter(f -> f.getFileName().toString().startsWith("segment-")).findFirst().orElseThrow();
        }
        Files.write(segment, new byte[] {0, 0, 1}, StandardOpenOption.APPEND);

        CliFixture.Run run = fixture.run("journal", "--config", fixture.config.toString());

        assertThat(run.exit).as("%s", run).isEqualTo(0);
        assertThat(run.out).contains("pending: 3 records", "damage found on open: 3 bytes ignored",
                segment.getFileName().toString());
    }

    @Test
    void aRecordThatCannotBeReadIsCountedAsUnreadable() throws Exception {
        threeRecords();
        try (Journal journal = fixture.openJournal()) {
            journal.append("not a record".getBytes(StandardCharsets.UTF_8));
        }

        CliFixture.Run run = fixture.run("journal", "--config", fixture.config.toString());

        assertThat(run.out).contains("pending: 4 records (1 transaction, 2 single writes, 1 unreadable)",
                "unreadable: 1 record");
    }

    @Test
    void aJournalHeldByARunningApplicationIsAClearError() throws Exception {
        threeRecords();
        try (Journal heldByTheApplication = fixture.openJournal()) {
            CliFixture.Run run = fixture.run("journal", "--config", fixture.config.toString());

            assertThat(run.exit).isEqualTo(2);
            assertThat(run.err).contains("error: the journal " + fixture.journalDir
                    + " is in use by a running application; stop the application");
        }
    }

    @Test
    void anInvalidConfigurationIsAnErrorNamingTheKey() throws Exception {
        Files.writeString(fixture.config, "primary:\n  url-pattern: x\nsecondary:\n  url: jdbc:h2:mem:x\njournal:\n"
                + "  fsync: sometimes\n");

        CliFixture.Run run = fixture.run("journal", "--config", fixture.config.toString());

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).contains("error: invalid configuration: ", "line 6", "journal.fsync");
    }

    @Test
    void theSecondarysPasswordIsNeverShown() throws Exception {
        threeRecords();

        CliFixture.Run text = fixture.run("journal", "--config", fixture.config.toString());
        CliFixture.Run json = fixture.run("journal", "--config", fixture.config.toString(), "--json");

        assertThat(text.out + text.err + json.out + json.err).doesNotContain(CliFixture.SECRET);
    }
}
