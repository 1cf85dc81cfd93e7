package io.dualwrite.it;

import static io.dualwrite.it.ReconcileTables.COMPOSITE;
import static io.dualwrite.it.ReconcileTables.ITEMS;
import static io.dualwrite.it.ReconcileTables.ITEM_ROWS;
import static io.dualwrite.it.ReconcileTables.SEEDED_DIFFERENCES;
import static io.dualwrite.it.ReconcileTables.SEEDED_VALUES;
import static io.dualwrite.it.ReconcileTables.TABLES;
import static io.dualwrite.it.ReconcileTables.TEXT;
import static io.dualwrite.it.ReconcileTables.UUIDS;
import static io.dualwrite.it.ReconcileTables.countOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's {@code verify}, {@code repair} and {@code backfill} commands of the agent jar, forked as
 * {@code java -jar dualwrite-agent.jar COMMAND --config FILE ...}, for one direction. The configuration names the
 * primary's connection ({@code primary.url}, {@code user}, {@code password}) and both driver jars (under
 * {@code java -jar} there is no class path), {@code writes.tables.include: ["rc_*"]} (so a command without
 * {@code --tables} takes the contract's tables) and a journal directory of the test's own (backfill checkpoints
 * go there).
 * <p>
 * The primary's tables ({@link ReconcileTables}: 100,000 rows with a bigint key, a composite key, a text key, a
 * UUID key) are seeded once per class and never written again; the secondary is brought, before each test, into
 * the state the test needs (the same rows, the seeded differences, or empty) and seeded again only when an
 * earlier test may have changed it. Every assertion on a command shows its output and configuration.
 */
abstract class ReconcileContract extends DatabasePairPerClass {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(90);
    private static final String CHURN = "rc_churn";
    private static final String NO_KEY = "rc_nokey";
    private static final String UNIQUE_ONLY = "rc_unique";
    private static final String ONLY_ON_PRIMARY = "rc_only_primary";
    private static final Map<String, List<String>> KEY_COLUMNS = Map.of(ITEMS, List.of("id"),
            COMPOSITE, List.of("tenant", "code"), TEXT, List.of("k"), UUIDS, List.of("id"));
    private static final Pattern DIFFERENCES = Pattern.compile(
            "(\\d+) rows compared, (\\d+) missing on the secondary, (\\d+) extra on the secondary, (\\d+) different");
    private static final Pattern COPIED = Pattern.compile(
            "(\\d+) rows read, (\\d+) copied, (\\d+) already on the secondary");
    private static final Pattern RESUMING = Pattern.compile("resuming after id=(\\d+) \\((\\d+) rows read before\\)");
    private static final Pattern CHURN_PROGRESS = Pattern.compile("churn: progress ms=\\d+ updates=(\\d+) deletes=(\\d+)");
    private static final Pattern CHURN_DONE = Pattern.compile(
            "churn: threads=\\d+ updates=(\\d+) deletes=(\\d+) misses=(\\d+) errors=(\\d+)");
    private static final String EQUAL_RESULT = "result: equal: every compared table holds the same rows on both sides";
    private static final String NO_KEY_REASON = "no primary key nor unique key over NOT NULL columns";

    /** What the secondary's four tables hold. */
    private enum Secondary { EMPTY, SAME_ROWS, SEEDED_DIFFERENCES, UNKNOWN }

    private Secondary secondaryHolds = Secondary.UNKNOWN;
    private Path dir;
    private Path journalDir;
    private Path config;
    private String yaml;

    ReconcileContract(DatabaseKind primaryKind, DatabaseKind secondaryKind) {
        super(primaryKind, secondaryKind);
    }

    /** The contract's own tables, seeded below, replace the sample application's schema. */
    @Override
    void freshTables() {
        // not the sample's tables: see seedThePrimaryOnce
    }

    @BeforeAll
    void seedThePrimaryOnce() {
        ReconcileTables.createAll(primary());
        ReconcileTables.seedAll(primary());
        ReconcileTables.createAll(secondary());
        secondaryHolds = Secondary.EMPTY;
    }

    @BeforeEach
    void configurationOfItsOwn() throws IOException {
        dir = Files.createTempDirectory(Files.createDirectories(ItPaths.workDir().resolve("configs")), "reconcile-");
        journalDir = dir.resolve("journal");
        yaml = AgentConfig.mirroring(databases).forCommands(primary(), secondary()).include("rc_*")
                .journalDir(journalDir).toYaml();
        config = writeOwnerOnly(dir.resolve("dualwrite.yaml"), yaml);
    }

    // ------------------------------------------------------------------------------------------------ verify

    @Test
    void verifyReportsExactlyTheSeededDifferences() {
        secondary(Secondary.SEEDED_DIFFERENCES);
        for (String table : TABLES) {
            assertThat(ReconcileTables.differences(primary(), secondary(), table))
                    .as("precondition: the differences seeded on %s, by the test's own comparison", table)
                    .isEqualTo(SEEDED_DIFFERENCES.get(table));
        }
        Path report = dir.resolve("verify-report.json");

        RunResult run = command("verify-seeded", "verify", "--report", report.toString());

        run.verify(() -> {
            assertThat(run.exitCode()).as("exit code (1: differences)").isEqualTo(1);
            ReconcileOutput output = ReconcileOutput.of(run, TABLES);
            assertThat(output.lineStartingWith("verify: ")).as("the header line").contains(primary().name(),
                    "(primary) against", secondary().name(), "(secondary), 4 tables");
            int total = 0;
            for (String table : TABLES) {
                Set<String> expected = SEEDED_DIFFERENCES.get(table);
                total += expected.size();
                assertCounts(output.summary(table), table, expected);
                Set<String> listed = output.listedKeys(table);
                if (expected.size() <= 10) {
                    assertThat(listed).as("the differences of %s listed on stdout", table).isEqualTo(expected);
                    assertThat(output.otherDetails(table)).as("lines under %s that name no key", table).isEmpty();
                } else {
                    assertThat(listed).as("the first 10 differences of %s listed on stdout", table).hasSize(10);
                    assertThat(expected).as("the seeded differences of %s, holding those listed", table)
                            .containsAll(listed);
                    assertThat(output.otherDetails(table)).as("the line after the first 10 differences of %s", table)
                            .containsExactly("... and " + (expected.size() - 10) + " more (all of them in the report)");
                }
            }
            assertThat(output.lineStartingWith("result: ")).as("the result line")
                    .startsWith("result: " + total + " differing keys in 4 of 4 tables; repair --config ")
                    .contains(config.toString())
                    .endsWith("makes the secondary equal the primary");

            ReconcileReport parsed = ReconcileReport.read(report);
            assertThat(parsed.result()).as("\"result\" of %s", parsed).isEqualTo("different");
            assertThat(parsed.string("primary")).as("\"primary\" of %s", parsed).contains(primary().name());
            assertThat(parsed.string("secondary")).as("\"secondary\" of %s", parsed).contains(secondary().name());
            assertThat(parsed.tables.keySet()).as("the tables of %s", parsed).containsExactlyInAnyOrderElementsOf(TABLES);
            for (String table : TABLES) {
                assertReported(parsed, table, SEEDED_DIFFERENCES.get(table));
            }
            assertOwnerOnly(report);
            assertNoSeededValueIn(run, parsed);
        });
    }

    @Test
    void verifyOfIdenticalTablesExitsZero() {
        secondary(Secondary.SAME_ROWS);
        Path report = dir.resolve("verify-report.json");

        RunResult run = command("verify-same", "verify", "--report", report.toString());

        run.verify(() -> {
            assertThat(run.exitCode()).as("exit code (0: equal)").isEqualTo(0);
            ReconcileOutput output = ReconcileOutput.of(run, TABLES);
            for (String table : TABLES) {
                assertThat(output.summary(table)).as("the line of %s", table)
                        .isEqualTo(ReconcileTables.count(primary(), table) + " rows compared, equal");
                assertThat(output.details(table)).as("lines under %s", table).isEmpty();
            }
            assertThat(output.lineStartingWith("result: ")).as("the result line").isEqualTo(EQUAL_RESULT);
            ReconcileReport parsed = ReconcileReport.read(report);
            assertThat(parsed.result()).as("\"result\" of %s", parsed).isEqualTo("equal");
            for (String table : TABLES) {
                ReconcileReport.Table entry = parsed.table(table);
                assertThat(entry.compared).as("\"compared\" of %s in %s", table, parsed)
                        .isEqualTo(ReconcileTables.count(primary(), table));
                assertThat(entry.missing + entry.extra + entry.different).as("counts of %s in %s", table, parsed)
                        .isZero();
                assertThat(entry.differences).as("\"differences\" of %s in %s", table, parsed).isEmpty();
            }
        });
    }

    @Test
    void verifyDoesNotCountAColumnOfIgnoreColumns() {
        secondary(Secondary.SEEDED_DIFFERENCES);
        Set<String> ignored = Set.of("rc_items.label", "rc_items.amount", "rc_composite.label");
        Path report = dir.resolve("verify-report.json");

        RunResult run = command("verify-ignoring", "verify", "--tables", ITEMS + "," + COMPOSITE, "--ignore-columns",
                String.join(",", new TreeSet<>(ignored)), "--report", report.toString());

        run.verify(() -> {
            assertThat(run.exitCode()).as("exit code (1: differences in other columns remain)").isEqualTo(1);
            ReconcileOutput output = ReconcileOutput.of(run, TABLES);
            assertThat(output.lineStartingWith("verify: ")).as("the header line").endsWith(", 2 tables");
            ReconcileReport parsed = ReconcileReport.read(report);
            assertThat(parsed.tables.keySet()).as("the tables of %s", parsed).containsExactlyInAnyOrder(ITEMS, COMPOSITE);
            for (String table : List.of(ITEMS, COMPOSITE)) {
                Set<String> expected = ReconcileTables.withoutColumns(table, SEEDED_DIFFERENCES.get(table), ignored);
                assertCounts(output.summary(table), table, expected);
                assertThat(expected).as("the differences left of %s, holding those listed on stdout", table)
                        .containsAll(output.listedKeys(table));
                assertReported(parsed, table, expected);
            }
            assertThat(parsed.table(ITEMS).differences).as("rc_items' differences in %s", parsed)
                    .doesNotContain("different id=5: label", "different id=707: amount, label")
                    .noneMatch(d -> d.startsWith("different id=707") || d.startsWith("different id=50000"));
        });
    }

    @Test
    void aTableWithoutAKeyIsReportedAndVerifyExitsTwo() {
        try {
            for (TestDatabase db : List.of(primary(), secondary())) {
                ReconcileTables.execute(db, "DROP TABLE IF EXISTS " + NO_KEY, "DROP TABLE IF EXISTS " + UNIQUE_ONLY,
                        // a unique key over a nullable column is no key to compare by
                        "CREATE TABLE " + NO_KEY + " (a int, b varchar(20), UNIQUE (a))",
                        "INSERT INTO " + NO_KEY + " (a, b) VALUES (1, 'x'), (2, 'y'), (3, 'z')",
                        // a unique key over NOT NULL columns is one
                        "CREATE TABLE " + UNIQUE_ONLY + " (code varchar(20) NOT NULL, v int, UNIQUE (code))",
                        "INSERT INTO " + UNIQUE_ONLY + " (code, v) VALUES ('u-1', 1), ('u-2', 2), ('u-3', 3)");
            }
            ReconcileTables.execute(secondary(), "UPDATE " + UNIQUE_ONLY + " SET v = 22 WHERE code = 'u-2'");
            Path report = dir.resolve("verify-report.json");

            RunResult run = command("verify-no-key", "verify", "--tables", NO_KEY + "," + UNIQUE_ONLY, "--report",
                    report.toString());

            run.verify(() -> {
                assertThat(run.exitCode()).as("exit code (2: a table could not be compared)").isEqualTo(2);
                ReconcileOutput output = ReconcileOutput.of(run, List.of(NO_KEY, UNIQUE_ONLY));
                assertThat(output.summary(NO_KEY)).as("the line of the table without a key")
                        .startsWith("not compared: " + NO_KEY_REASON);
                assertThat(output.summary(UNIQUE_ONLY)).as("the line of the table with only a unique key")
                        .startsWith("3 rows compared, ").endsWith(" 1 different");
                assertThat(output.listedKeys(UNIQUE_ONLY)).as("the differences listed under %s", UNIQUE_ONLY)
                        .containsExactly("different code='u-2': v");
                ReconcileReport parsed = ReconcileReport.read(report);
                assertThat(parsed.result()).as("\"result\" of %s", parsed).isEqualTo("error");
                assertThat(parsed.table(NO_KEY).error).as("\"error\" of %s in %s", NO_KEY, parsed)
                        .startsWith(NO_KEY_REASON);
                ReconcileReport.Table unique = parsed.table(UNIQUE_ONLY);
                assertThat(unique.key).as("the key of %s in %s", UNIQUE_ONLY, parsed).containsExactly("code");
                assertThat(unique.differences).as("the differences of %s in %s", UNIQUE_ONLY, parsed)
                        .containsExactly("different code='u-2': v");
            });
        } finally {
            ReconcileTables.drop(primary(), NO_KEY, UNIQUE_ONLY);
            ReconcileTables.drop(secondary(), NO_KEY, UNIQUE_ONLY);
        }
    }

    @Test
    void aTableMissingOnTheSecondaryIsAnErrorAndVerifyExitsTwo() {
        try {
            ReconcileTables.execute(primary(), "DROP TABLE IF EXISTS " + ONLY_ON_PRIMARY,
                    "CREATE TABLE " + ONLY_ON_PRIMARY + " (id int PRIMARY KEY, v int)",
                    "INSERT INTO " + ONLY_ON_PRIMARY + " (id, v) VALUES (1, 1), (2, 2)");
            ReconcileTables.drop(secondary(), ONLY_ON_PRIMARY);

            RunResult run = command("verify-missing-table", "verify", "--tables", ONLY_ON_PRIMARY);

            run.verify(() -> {
                assertThat(run.exitCode()).as("exit code (2: a table could not be compared)").isEqualTo(2);
                assertThat(run.linesMentioning(ONLY_ON_PRIMARY)).as("lines naming the table").isNotEmpty();
            });
        } finally {
            ReconcileTables.drop(primary(), ONLY_ON_PRIMARY);
        }
    }

    // ------------------------------------------------------------------------------------------------ repair

    @Test
    void repairDryRunChangesNothing() {
        secondary(Secondary.SEEDED_DIFFERENCES);

        RunResult run = command("repair-dry-run", "repair", "--dry-run");

        run.verify(() -> {
            assertThat(run.exitCode()).as("exit code (1: something would be repaired)").isEqualTo(1);
            ReconcileOutput output = ReconcileOutput.of(run, TABLES);
            for (String table : TABLES) {
                Set<String> expected = SEEDED_DIFFERENCES.get(table);
                assertThat(output.summary(table)).as("the line of %s", table).isEqualTo("would insert "
                        + countOf(expected, "missing") + ", update " + countOf(expected, "different") + ", delete "
                        + countOf(expected, "extra"));
                Set<String> listed = output.listedKeys(table);
                assertThat(listed).as("the repairs listed under %s", table).hasSize(Math.min(10, expected.size()));
                assertThat(ReconcileOutput.asRepairs(expected)).as("the repairs of %s, holding those listed", table)
                        .containsAll(listed);
            }
            assertThat(run.stdoutLines()).as("stdout lines").contains("dry run: nothing was changed");
            for (String table : TABLES) {
                assertThat(ReconcileTables.differences(primary(), secondary(), table))
                        .as("the differences of %s after the dry run: all still there", table)
                        .isEqualTo(SEEDED_DIFFERENCES.get(table));
            }
            assertNoSeededValueIn(run, null);
        });
    }

    @Test
    void repairThenVerifyFindsNoDifference() {
        secondary(Secondary.SEEDED_DIFFERENCES);
        secondaryMayChange();

        RunResult repair = command("repair-seeded", "repair");

        repair.verify(() -> {
            assertThat(repair.exitCode()).as("exit code (0: the repaired keys are equal)").isEqualTo(0);
            ReconcileOutput output = ReconcileOutput.of(repair, TABLES);
            for (String table : TABLES) {
                Set<String> expected = SEEDED_DIFFERENCES.get(table);
                assertThat(output.summary(table)).as("the line of %s", table).isEqualTo(countOf(expected, "missing")
                        + " inserted, " + countOf(expected, "different") + " updated, " + countOf(expected, "extra")
                        + " deleted");
            }
            assertThat(repair.stdoutLines()).as("stdout lines").contains("verify of the repaired keys: equal");
            assertNoSeededValueIn(repair, null);
        });

        RunResult verify = command("verify-after-repair", "verify");

        verify.verify(() -> {
            assertThat(verify.exitCode()).as("exit code of verify after repair (0: equal)").isEqualTo(0);
            assertThat(ReconcileOutput.of(verify, TABLES).lineStartingWith("result: ")).isEqualTo(EQUAL_RESULT);
            for (String table : TABLES) {
                ReconcileTables.assertSameRows(primary(), secondary(), table);
            }
        });
        secondaryHolds = Secondary.SAME_ROWS;
    }

    // ------------------------------------------------------------------------------------------------ backfill

    @Test
    void backfillOfAnEmptySecondaryThenVerifyIsEqual() {
        secondary(Secondary.EMPTY);
        secondaryMayChange();

        RunResult backfill = command("backfill-empty", "backfill", "--tables", String.join(",", TABLES));

        backfill.verify(() -> {
            assertThat(backfill.exitCode()).as("exit code (0: done)").isEqualTo(0);
            ReconcileOutput output = ReconcileOutput.of(backfill, TABLES);
            for (String table : TABLES) {
                long rows = ReconcileTables.count(primary(), table);
                assertThat(output.summary(table)).as("the line of %s", table)
                        .isEqualTo(rows + " rows read, " + rows + " copied, 0 already on the secondary");
                Path checkpoint = checkpoint(table);
                assertThat(checkpoint).as("the checkpoint of %s", table).isRegularFile();
                assertOwnerOnly(checkpoint);
            }
            assertThat(backfill.stdoutLines()).as("stdout lines").contains("done: 4 tables backfilled");
        });

        RunResult verify = command("verify-after-backfill", "verify");

        verify.verify(() -> {
            assertThat(verify.exitCode()).as("exit code of verify after backfill (0: equal)").isEqualTo(0);
            for (String table : TABLES) {
                ReconcileTables.assertSameRows(primary(), secondary(), table);
            }
        });
        secondaryHolds = Secondary.SAME_ROWS;

        RunResult again = command("backfill-again", "backfill", "--tables", String.join(",", TABLES));

        again.verify(() -> {
            assertThat(again.exitCode()).as("exit code of a second backfill (0: done)").isEqualTo(0);
            ReconcileOutput output = ReconcileOutput.of(again, TABLES);
            for (String table : TABLES) {
                assertThat(output.summary(table)).as("the line of %s", table).startsWith("already backfilled (checkpoint")
                        .endsWith("--restart copies it again");
            }
        });
    }

    @Test
    void backfillNeverOverwritesNorDeletesARowTheSecondaryHas() {
        secondary(Secondary.SEEDED_DIFFERENCES);
        secondaryMayChange();

        RunResult backfill = command("backfill-seeded", "backfill", "--tables", String.join(",", TABLES));

        backfill.verify(() -> {
            assertThat(backfill.exitCode()).as("exit code (0: done)").isEqualTo(0);
            ReconcileOutput output = ReconcileOutput.of(backfill, TABLES);
            for (String table : TABLES) {
                long rows = ReconcileTables.count(primary(), table);
                long missing = countOf(SEEDED_DIFFERENCES.get(table), "missing");
                assertThat(output.summary(table)).as("the line of %s", table).isEqualTo(rows + " rows read, " + missing
                        + " copied, " + (rows - missing) + " already on the secondary");
            }
            for (String table : TABLES) {
                Set<String> left = new TreeSet<>(SEEDED_DIFFERENCES.get(table));
                left.removeIf(d -> d.startsWith("missing "));
                assertThat(ReconcileTables.differences(primary(), secondary(), table))
                        .as("the differences of %s after backfill: the missing rows copied, every other row as it "
                                + "was", table)
                        .isEqualTo(left);
            }
        });
    }

    @Test
    void backfillKilledMidwayResumesAndCopiesNothingTwice() {
        secondary(Secondary.EMPTY);
        secondaryMayChange();

        ForkedJvm.RunningJvm first = startCommand("backfill-throttled", "backfill", "--tables", ITEMS,
                "--chunk-size", "1000", "--max-rows-per-second", "20000");
        RunResult killed;
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !first.isAlive() || ReconcileTables.count(secondary(), ITEMS) >= 10_000);
        } catch (RuntimeException | AssertionError e) {
            RunResult result = first.killForcibly();
            throw new AssertionError("the throttled backfill did not copy 10000 rows within 60 s: " + e + "\n"
                    + result.describe(), e);
        }
        killed = first.killForcibly();
        long copiedBeforeTheKill = ReconcileTables.count(secondary(), ITEMS);
        killed.verify(() -> {
            assertThat(copiedBeforeTheKill).as("rows on the secondary when the backfill was killed (kill -9): some, "
                    + "not all").isBetween(1L, ITEM_ROWS - 1L);
            assertThat(checkpoint(ITEMS)).as("the checkpoint after the kill").isRegularFile();
        });

        RunResult resumed = command("backfill-resumed", "backfill", "--tables", ITEMS);

        resumed.verify(() -> {
            assertThat(resumed.exitCode()).as("exit code of the resumed backfill (0: done)").isEqualTo(0);
            ReconcileOutput output = ReconcileOutput.of(resumed, List.of(ITEMS));
            List<String> lines = output.summaries(ITEMS);
            Matcher resuming = RESUMING.matcher(lines.get(0));
            assertThat(resuming.matches()).as("the first line of %s: '%s' matches %s", ITEMS, lines.get(0), RESUMING)
                    .isTrue();
            long resumedAfter = Long.parseLong(resuming.group(1));
            long readBefore = Long.parseLong(resuming.group(2));
            assertThat(resumedAfter).as("the key the backfill resumed after, at most the rows it had copied (%s)",
                    copiedBeforeTheKill).isBetween(1L, copiedBeforeTheKill);
            assertThat(readBefore).as("rows read before the kill, per the checkpoint (ids 1..%s)", resumedAfter)
                    .isEqualTo(resumedAfter);
            Matcher copied = COPIED.matcher(output.summary(ITEMS));
            assertThat(copied.matches()).as("the last line of %s: '%s' matches %s", ITEMS, output.summary(ITEMS),
                    COPIED).isTrue();
            long read = Long.parseLong(copied.group(1));
            assertThat(read).as("rows read by the resumed run (after id=%s)", resumedAfter)
                    .isEqualTo(ITEM_ROWS - resumedAfter);
            assertThat(Long.parseLong(copied.group(2))).as("rows copied by the resumed run: exactly those the killed "
                    + "run had not copied (%s rows were there)", copiedBeforeTheKill)
                    .isEqualTo(ITEM_ROWS - copiedBeforeTheKill);
            assertThat(Long.parseLong(copied.group(3))).as("rows the resumed run found already on the secondary")
                    .isEqualTo(read - (ITEM_ROWS - copiedBeforeTheKill));
            assertThat(ReconcileTables.count(secondary(), ITEMS)).as("rows on the secondary").isEqualTo(ITEM_ROWS);
        });

        RunResult verify = command("verify-after-resume", "verify", "--tables", ITEMS);

        verify.verify(() -> {
            assertThat(verify.exitCode()).as("exit code of verify after the resumed backfill (0: equal)").isEqualTo(0);
            ReconcileTables.assertSameRows(primary(), secondary(), ITEMS);
        });
    }

    // ------------------------------------------------------------------------------------------------ with a writer

    @Test
    void backfillAndRepairWhileAWriterUpdatesAndDeletesThroughTheAgent() {
        ReconcileTables.create(primary(), ITEMS, CHURN);
        ReconcileTables.seedItems(primary(), CHURN, ITEM_ROWS);
        ReconcileTables.create(secondary(), ITEMS, CHURN);
        Path stopFile = dir.resolve("stop-churn");
        ForkedJvm.RunningJvm writer = AgentRun.withConfigPath(config).start(SampleCommand.scenario("churn", primary(),
                "--table", CHURN, "--rows", String.valueOf(ITEM_ROWS), "--threads", "4", "--pause-ms", "2",
                "--stop-file", stopFile.toString(), "--max-errors", "0"));
        try {
            try {
                long changesBefore = awaitChurnChanges(writer, 200);

                RunResult backfill = command("backfill-under-writer", "backfill", "--tables", CHURN);

                backfill.verify(() -> {
                    assertThat(backfill.exitCode()).as("exit code of backfill (0: done)").isEqualTo(0);
                    assertThat(ReconcileOutput.of(backfill, List.of(CHURN)).summary(CHURN)).as("the line of %s", CHURN)
                            .matches(COPIED);
                });

                RunResult repair = command("repair-under-writer", "repair", "--tables", CHURN);

                repair.verify(() -> {
                    assertThat(repair.exitCode()).as("exit code of repair (0: the repaired keys are equal)")
                            .isEqualTo(0);
                    assertThat(repair.stdoutLines()).as("stdout lines").contains("verify of the repaired keys: equal");
                });
                assertThat(writer.isAlive()).as("the writer still runs after backfill and repair%n%s",
                        writer.stdoutSoFar()).isTrue();
                assertThat(churnChanges(writer.stdoutSoFar())).as("rows the writer changed meanwhile (before: %s)%n%s",
                        changesBefore, writer.stdoutSoFar()).isGreaterThan(changesBefore);
            } catch (RuntimeException | AssertionError e) {
                touch(stopFile);
                throw new AssertionError(e.getMessage() + "\n---- the writer:\n" + writer.awaitExit().describe(), e);
            }
            touch(stopFile);
            RunResult written = writer.awaitExit();
            written.assertScenarioDone("churn");
            written.verify(() -> {
                Matcher done = CHURN_DONE.matcher(written.stdout());
                assertThat(done.find()).as("the writer's last line").isTrue();
                assertThat(Long.parseLong(done.group(1))).as("rows updated").isPositive();
                assertThat(Long.parseLong(done.group(2))).as("rows deleted").isPositive();
                assertThat(Long.parseLong(done.group(4))).as("errors of the writer").isZero();
                assertThat(written.consistentStats().journaled).as("writes the agent could not apply").isZero();
            });

            RunResult verify = command("verify-after-writer", "verify", "--tables", CHURN);

            verify.verify(() -> {
                assertThat(verify.exitCode()).as("exit code of verify once the writer stopped (0: equal: no row "
                        + "resurrected, no newer value overwritten)").isEqualTo(0);
                ReconcileTables.assertSameRows(primary(), secondary(), CHURN);
            });
        } finally {
            touch(stopFile);
            writer.destroy();
            ReconcileTables.drop(primary(), CHURN);
            ReconcileTables.drop(secondary(), CHURN);
        }
    }

    /** Waits until the writer reports at least this many rows changed (updated or deleted); returns the number. */
    private static long awaitChurnChanges(ForkedJvm.RunningJvm writer, long atLeast) {
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !writer.isAlive() || churnChanges(writer.stdoutSoFar()) >= atLeast);
        } catch (RuntimeException e) {
            throw new AssertionError("the writer did not change " + atLeast + " rows within 30 s: " + e, e);
        }
        assertThat(writer.isAlive()).as("the writer runs%n%s%n%s", writer.stdoutSoFar(), writer.stderrSoFar())
                .isTrue();
        // the agent ignores the commands' keys (primary.url, ...) of the configuration it shares with them
        assertThat(writer.stderrSoFar()).as("the agent's start in the writer (it mirrors the writer's updates and "
                + "deletes)%n%s", writer.stdoutSoFar()).contains("dualwrite - active in ");
        return churnChanges(writer.stdoutSoFar());
    }

    /** Rows updated and deleted, per the writer's last progress line. */
    private static long churnChanges(String stdout) {
        Matcher progress = CHURN_PROGRESS.matcher(stdout);
        long changes = 0;
        while (progress.find()) {
            changes = Long.parseLong(progress.group(1)) + Long.parseLong(progress.group(2));
        }
        return changes;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Brings the secondary's four tables into a state, seeding them again only when needed. */
    private void secondary(Secondary wanted) {
        if (secondaryHolds == wanted) {
            return;
        }
        switch (wanted) {
            case EMPTY:
                ReconcileTables.truncateAll(secondary());
                break;
            case SAME_ROWS:
                ReconcileTables.truncateAll(secondary());
                ReconcileTables.seedAll(secondary());
                break;
            case SEEDED_DIFFERENCES:
                if (secondaryHolds != Secondary.SAME_ROWS) {
                    ReconcileTables.truncateAll(secondary());
                    ReconcileTables.seedAll(secondary());
                }
                ReconcileTables.seedDifferences(secondary());
                break;
            default:
                throw new IllegalArgumentException(wanted.toString());
        }
        secondaryHolds = wanted;
    }

    /** Before a command that may write into the secondary: the next test seeds it again. */
    private void secondaryMayChange() {
        secondaryHolds = Secondary.UNKNOWN;
    }

    private List<String> arguments(String command, String... options) {
        List<String> args = new ArrayList<>(List.of(command, "--config", config.toString()));
        args.addAll(Arrays.asList(options));
        return args;
    }

    private RunResult command(String label, String command, String... options) {
        return new ForkedJvm().timeout(COMMAND_TIMEOUT)
                .runJar(ItPaths.agentJar(), arguments(command, options), label).withConfig(yaml);
    }

    private ForkedJvm.RunningJvm startCommand(String label, String command, String... options) {
        return new ForkedJvm().timeout(COMMAND_TIMEOUT)
                .startJar(ItPaths.agentJar(), arguments(command, options), label).withConfig(yaml);
    }

    private Path checkpoint(String table) {
        return journalDir.resolve("backfill").resolve(table + ".checkpoint");
    }

    /** The counts on a table's {@code verify} line. */
    private void assertCounts(String summary, String table, Set<String> expected) {
        Matcher counts = DIFFERENCES.matcher(summary);
        assertThat(counts.matches()).as("the line of %s: '%s' matches %s", table, summary, DIFFERENCES).isTrue();
        assertCompared(Long.parseLong(counts.group(1)), table, expected, "on stdout");
        assertThat(Long.parseLong(counts.group(2))).as("missing rows of %s on stdout", table)
                .isEqualTo(countOf(expected, "missing"));
        assertThat(Long.parseLong(counts.group(3))).as("extra rows of %s on stdout", table)
                .isEqualTo(countOf(expected, "extra"));
        assertThat(Long.parseLong(counts.group(4))).as("different rows of %s on stdout", table)
                .isEqualTo(countOf(expected, "different"));
    }

    /** Rows compared: at least the primary's rows the secondary has, at most every key of either side. */
    private void assertCompared(long compared, String table, Set<String> expected, String where) {
        long primaryRows = ReconcileTables.count(primary(), table);
        assertThat(compared).as("rows of %s compared, %s", table, where)
                .isBetween(primaryRows - countOf(expected, "missing"), primaryRows + countOf(expected, "extra"));
    }

    private void assertReported(ReconcileReport report, String table, Set<String> expected) {
        ReconcileReport.Table entry = report.table(table);
        assertThat(entry.error).as("\"error\" of %s in %s", table, report).isNull();
        assertThat(entry.key).as("\"key\" of %s in %s", table, report).isEqualTo(KEY_COLUMNS.get(table));
        assertCompared(entry.compared, table, expected, "in the report");
        assertThat(entry.missing).as("\"missing\" of %s in %s", table, report).isEqualTo(countOf(expected, "missing"));
        assertThat(entry.extra).as("\"extra\" of %s in %s", table, report).isEqualTo(countOf(expected, "extra"));
        assertThat(entry.different).as("\"different\" of %s in %s", table, report)
                .isEqualTo(countOf(expected, "different"));
        assertThat(entry.differences).as("\"differences\" of %s in %s", table, report).isEqualTo(expected);
    }

    /** No non-key value of a differing row on stdout, on stderr or in the report. */
    private static void assertNoSeededValueIn(RunResult run, ReconcileReport report) {
        for (String value : SEEDED_VALUES) {
            assertThat(run.stdout()).as("stdout, which must show no value but keys").doesNotContain(value);
            assertThat(run.stderr()).as("stderr, which must show no value but keys").doesNotContain(value);
            if (report != null) {
                assertThat(report.text).as("the report, which must hold no value but keys").doesNotContain(value);
            }
        }
    }

    private static void assertOwnerOnly(Path file) {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            try {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                        .as("the permissions of %s (only its owner may read it)", file).isEqualTo("rw-------");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Path writeOwnerOnly(Path file, String content) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    private static void touch(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
