package io.dualwrite.agent.cli;

import static io.dualwrite.agent.cli.CliFixture.insertOrder;
import static io.dualwrite.agent.cli.CliFixture.statement;
import static io.dualwrite.agent.cli.CliFixture.unit;
import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.agent.journal.Journal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpCommandTest {

    @TempDir
    Path dir;

    private CliFixture fixture;

    @BeforeEach
    void journalOfThreeRecords() throws Exception {
        fixture = CliFixture.withSecondaryUrl(dir, "jdbc:h2:mem:unused");
        fixture.journal(
                unit(insertOrder(1, "Ada Lovelace"), insertOrder(2, "Grace Hopper")),
                unit(statement("DELETE FROM orders WHERE id = 7")),
                unit(insertOrder(3, "Émilie du Châtelet")));
    }

    @Test
    void printsOneJsonLinePerPendingRecordInOrderWithItsValues() {
        CliFixture.Run run = fixture.run("journal", "dump", "--config", fixture.config.toString());

        assertThat(run.exit).as("%s", run).isEqualTo(0);
        assertThat(run.outLines()).hasSize(3);
        assertThat(run.outLines().get(0)).startsWith("{\"sequence\":1,").contains("\"connection\":\"connection-1\"",
                "\"failure\":\"SQLTransientConnectionException SQLState 08001\"",
                "\"sql\":\"INSERT INTO orders (id, label) VALUES (?, ?)\"", "\"value\":\"Ada Lovelace\"",
                "\"value\":\"Grace Hopper\"");
        assertThat(run.outLines().get(1)).startsWith("{\"sequence\":2,").contains("DELETE FROM orders WHERE id = 7");
        assertThat(run.outLines().get(2)).startsWith("{\"sequence\":3,").contains("Émilie du Châtelet");
        assertThat(run.err).isEmpty();
    }

    @Test
    void theConfigurationMayFollowTheSubcommandOrPrecedeIt() {
        CliFixture.Run run = fixture.run("journal", "--config", fixture.config.toString(), "dump");

        assertThat(run.exit).as("%s", run).isEqualTo(0);
        assertThat(run.outLines()).hasSize(3);
    }

    @Test
    void limitPrintsOnlyTheOldestRecords() {
        CliFixture.Run run = fixture.run("journal", "dump", "--config", fixture.config.toString(), "--limit", "2");

        assertThat(run.outLines()).hasSize(2);
        assertThat(run.outLines().get(1)).startsWith("{\"sequence\":2,");
    }

    @Test
    void aNegativeLimitIsAUsageError() {
        CliFixture.Run run = fixture.run("journal", "dump", "--config", fixture.config.toString(), "--limit", "-1");

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).contains("--limit must be 0 or more");
    }

    @Test
    void dumpingChangesNothing() throws Exception {
        fixture.run("journal", "dump", "--config", fixture.config.toString());

        try (Journal journal = fixture.openJournal()) {
            assertThat(journal.checkpointed()).isZero();
            assertThat(journal.stats().pendingRecords()).isEqualTo(3);
        }
    }

    @Test
    void aRecordThatCannotBeReadIsOneLineSayingWhy() throws Exception {
        try (Journal journal = fixture.openJournal()) {
            journal.append(new byte[] {99, 1, 2});
        }

        CliFixture.Run run = fixture.run("journal", "dump", "--config", fixture.config.toString());

        assertThat(run.exit).as("%s", run).isEqualTo(0);
        assertThat(run.outLines()).hasSize(4);
        assertThat(run.outLines().get(3)).startsWith("{\"sequence\":4,")
                .contains("\"unreadable\":\"record format 99 is not known to this version");
    }

    @Test
    void secretsOfTheConfigurationAreNeitherInTheJournalNorInTheDump() throws Exception {
        CliFixture.Run run = fixture.run("journal", "dump", "--config", fixture.config.toString());

        assertThat(run.out + run.err).doesNotContain(CliFixture.SECRET);
        try (Stream<Path> files = Files.list(fixture.journalDir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as("%s", file)
                        .doesNotContain(CliFixture.SECRET);
            }
        }
    }

    @Test
    void aJournalHeldByARunningApplicationIsAClearError() throws Exception {
        try (Journal heldByTheApplication = fixture.openJournal()) {
            CliFixture.Run run = fixture.run("journal", "dump", "--config", fixture.config.toString());

            assertThat(run.exit).isEqualTo(2);
            assertThat(run.err).contains("is in use by a running application; stop the application");
            assertThat(run.out).isEmpty();
        }
    }
}
