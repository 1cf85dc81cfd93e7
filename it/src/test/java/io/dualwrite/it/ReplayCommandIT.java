package io.dualwrite.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.agent.capture.Parameter;
import io.dualwrite.agent.capture.Setter;
import io.dualwrite.agent.codec.UnappliedWrites;
import io.dualwrite.agent.codec.WriteCodec;
import io.dualwrite.agent.journal.FsyncMode;
import io.dualwrite.agent.journal.Journal;
import io.dualwrite.agent.journal.JournalOptions;
import io.dualwrite.agent.write.MirroredWrite;
import io.dualwrite.agent.write.PreparedWrite;
import io.dualwrite.agent.write.StatementWrite;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line of the real agent jar, forked as {@code java -jar dualwrite-agent.jar}, replaying a journal
 * (written here, or by the agent during an outage of the secondary) into a real MariaDB secondary: in order, a transaction as one, a poison record dead-lettered with its reason
 * (exit 1), nothing applied twice, and the journal empty afterwards. Under {@code java -jar} there is no
 * application class path, so the driver comes from {@code --driver-jar}.
 */
class ReplayCommandIT extends DatabasePairPerClass {

    @TempDir
    Path dir;

    private Path journalDir;
    private Path config;

    ReplayCommandIT() {
        super(DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB);
    }

    @BeforeEach
    void configurationAndOneRowAlreadyOnTheSecondary() throws Exception {
        journalDir = dir.resolve("journal");
        config = Files.writeString(dir.resolve("dualwrite.yaml"),
                AgentConfig.mirroring(databases).journalDir(journalDir).toYaml());
        try (Connection connection = secondary().connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO tx_rows (id, label) VALUES (100, 'there before')");
        }
    }

    private static Parameter[] row(long id, String label) {
        return new Parameter[] {
            Parameter.restore(Setter.forKey("setLong(IJ)V"), new Object[] {1, id}),
            Parameter.restore(Setter.forKey("setString(ILjava/lang/String;)V"), new Object[] {2, label}),
        };
    }

    private static MirroredWrite insert(long id, String label) {
        return new PreparedWrite("INSERT INTO tx_rows (id, label) VALUES (?, ?)", "INSERT tx_rows",
                List.<Parameter[]>of(row(id, label)), false);
    }

    private void journal(MirroredWrite[]... units) throws Exception {
        try (Journal journal = Journal.open(journalDir, JournalOptions.defaults().withFsync(FsyncMode.NEVER))) {
            for (MirroredWrite[] writes : units) {
                journal.append(WriteCodec.encode(new UnappliedWrites("connection-1",
                        "SQLNonTransientConnectionException SQLState 08000", Arrays.asList(writes))));
            }
        }
    }

    private static Path mariadbDriverJar() throws URISyntaxException {
        return Paths.get(org.mariadb.jdbc.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private RunResult cli(String label, String... args) {
        return new ForkedJvm().runJar(ItPaths.agentJar(), Arrays.asList(args), label);
    }

    private RunResult replay(String label, String... options) throws URISyntaxException {
        List<String> args = new ArrayList<>(List.of("replay", "--config", config.toString(), "--driver-jar",
                mariadbDriverJar().toString()));
        args.addAll(Arrays.asList(options));
        return cli(label, args.toArray(new String[0]));
    }

    @Test
    void replayAppliesTheJournalInOrderDeadLettersThePoisonRecordAndAppliesNothingTwice() throws Exception {
        journal(new MirroredWrite[] {insert(1, "one"), insert(2, "two")},
                new MirroredWrite[] {insert(100, "duplicate key")},
                new MirroredWrite[] {new StatementWrite(List.of("UPDATE tx_rows SET label = 'updated' WHERE id = 1"),
                        "UPDATE tx_rows", false)},
                new MirroredWrite[] {new PreparedWrite("INSERT INTO tx_rows (id, label) VALUES (?, ?)", "INSERT tx_rows",
                        List.of(row(3, "three"), row(4, "four")), true)});

        RunResult first = replay("replay-with-poison");

        Path deadLetters = journalDir.resolve("dead-letters.jsonl");
        assertThat(first.exitCode()).as("exit code%n%s", first.describe()).isEqualTo(1);
        assertThat(first.stdout()).as(first.describe()).contains("replaying 4 records to jdbc:mariadb:",
                "applied: 3 records", "dead-lettered: 1 record, written to " + deadLetters);
        first.verify(() -> {
            assertThat(TableComparison.row(secondary(), "tx_rows", 1)).containsEntry("label", "updated");
            assertThat(TableComparison.row(secondary(), "tx_rows", 2)).containsEntry("label", "two");
            assertThat(TableComparison.row(secondary(), "tx_rows", 4)).containsEntry("label", "four");
            assertThat(TableComparison.row(secondary(), "tx_rows", 100)).containsEntry("label", "there before");
            assertThat(TableComparison.count(secondary(), "tx_rows")).isEqualTo(5);
        });
        assertThat(Files.readAllLines(deadLetters, StandardCharsets.UTF_8)).singleElement().asString()
                .contains("\"sequence\":2", "\"value\":\"duplicate key\"", "\"dead-letter-reason\":\"INSERT tx_rows: ",
                        "SQLState 23000");

        RunResult second = replay("replay-again");

        assertThat(second.exitCode()).as("exit code%n%s", second.describe()).isEqualTo(0);
        assertThat(second.stdout()).as(second.describe()).contains("nothing to replay");
        assertThat(TableComparison.count(secondary(), "tx_rows")).isEqualTo(5);

        RunResult summary = cli("journal-after-replay", "journal", "--config", config.toString());

        assertThat(summary.exitCode()).as("exit code%n%s", summary.describe()).isEqualTo(0);
        assertThat(summary.stdout()).as(summary.describe()).contains("pending: none (checkpoint 4)",
                "dead letters: " + deadLetters + " (1 record)");
    }

    @Test
    void withoutADriverJarReplayUnderJavaJarSaysWhereToGiveOne() throws Exception {
        journal(new MirroredWrite[] {insert(1, "one")});

        RunResult run = cli("replay-without-driver", "replay", "--config", config.toString());

        assertThat(run.exitCode()).as("exit code%n%s", run.describe()).isEqualTo(2);
        assertThat(run.stderr()).as(run.describe()).contains("no JDBC driver for jdbc:mariadb:",
                "--driver-jar PATH or secondary.driver-jar in " + config);
        assertThat(TableComparison.row(secondary(), "tx_rows", 1)).isNull();
    }

    @Test
    void aJournalThatARunningApplicationHoldsIsLeftToItsAgent() throws Exception {
        journal(new MirroredWrite[] {insert(1, "one")});
        try (Journal heldByTheApplication = Journal.open(journalDir, JournalOptions.defaults())) {
            RunResult run = replay("replay-while-held");

            assertThat(run.exitCode()).as("exit code%n%s", run.describe()).isEqualTo(2);
            assertThat(run.stderr()).as(run.describe()).contains("the journal " + journalDir
                    + " is in use by a running application; its agent replays it by itself; stop the application to "
                    + "replay from the command line");
        }
        assertThat(TableComparison.row(secondary(), "tx_rows", 1)).isNull();
    }

    @Test
    void afterAnOutageLastingTheWholeRunReplayMakesTheSecondaryEqualThePrimaryAndDeadLettersThePoison()
            throws Exception {
        int rows = 30;
        int writes = rows + rows / 2 + rows / 5;
        long poison = 1_000_003;
        try (Connection connection = secondary().connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO items (id, name, qty) VALUES (" + poison + ", 'there before', 0)");
        }
        RunResult outage = AgentRun.with(AgentConfig.mirroring(databases).journalDir(journalDir)
                        .secondary("jdbc:mariadb://127.0.0.1:1/unreachable", "dualwrite", "x").shutdownTimeoutMs(0))
                .run(SampleCommand.scenario("writes", primary(), "--rows", String.valueOf(rows)))
                .assertScenarioDone("writes");
        assertThat(outage.consistentStats().journaled).as("journaled writes%n%s", outage.describe())
                .isEqualTo(writes);

        RunResult first = replay("replay-after-outage");

        assertThat(first.exitCode()).as("exit code (1: a record dead-lettered)%n%s", first.describe()).isEqualTo(1);
        assertThat(first.stdout()).as(first.describe()).contains("applied: " + (writes - 1) + " records",
                "dead-lettered: 1 record");
        first.verify(() -> TableComparison.assertSameRowsExcept(databases, "items", Set.of(poison),
                "the row the secondary had before, which the journaled insert met as a duplicate"));
        assertThat(TableComparison.row(secondary(), "items", poison)).containsEntry("name", "there before");
        assertThat(Files.readAllLines(journalDir.resolve("dead-letters.jsonl"), StandardCharsets.UTF_8))
                .singleElement().asString().contains("\"value\":\"" + poison + "\"", "SQLState 23000");

        RunResult second = replay("replay-after-outage-again");

        assertThat(second.exitCode()).as("exit code%n%s", second.describe()).isEqualTo(0);
        assertThat(second.stdout()).as(second.describe()).contains("nothing to replay");
        TableComparison.assertSameRowsExcept(databases, "items", Set.of(poison), "as after the first replay");
    }
}
