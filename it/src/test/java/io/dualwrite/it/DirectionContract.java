package io.dualwrite.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What mirroring guarantees in one direction (primary kind to secondary kind): each core scenario of the
 * sample application runs under the agent, exits 0, and leaves the secondary equal to the primary, with the
 * agent's counters adding up. One subclass per direction; the databases live as long as the class (their
 * tables are first made by the sample's own {@code schema} command), the tables are created afresh before
 * each test.
 */
abstract class DirectionContract extends DatabasePairPerClass {

    /** Executed batches of the batch scenario; its two cleared batches are never executed. */
    private static final int BATCH_WRITES = 5;
    /** Rows of tx_rows that stand after the transactions scenario. */
    private static final List<Long> COMMITTED_TX_ROWS = Arrays.asList(1L, 2L, 5L, 7L, 8L, 9L, 10L);

    DirectionContract(DatabaseKind primaryKind, DatabaseKind secondaryKind) {
        super(primaryKind, secondaryKind);
    }

    @BeforeAll
    void createSchemaWithTheSampleCommand() {
        for (TestDatabase db : Arrays.asList(databases.primary(), databases.secondary())) {
            RunResult schema = AgentRun.withoutAgent().run(SampleCommand.schema(db)).assertExitedNormally();
            for (String table : SampleSchema.tables()) {
                assertThat(TableComparison.tableExists(db, table))
                        .as("table %s created by the schema command on %s%n%s", table, db, schema.describe()).isTrue();
            }
        }
    }

    private RunResult runScenario(String scenario, String... extra) {
        return AgentRun.with(AgentConfig.mirroring(databases))
                .run(SampleCommand.scenario(scenario, databases.primary(), extra))
                .assertScenarioDone(scenario);
    }

    @Test
    void statementWritesArriveIdentically() throws SQLException {
        RunResult run = runScenario("statement");
        Stats stats = run.consistentStats();

        Set<Long> primaryDialectOnly = statementRowsOnlyThePrimaryDialectCanWrite();
        int writes = statementWrites();
        List<String> others = SampleSchema.tables();
        others.remove("items");
        run.verify(() -> TableComparison.assertSameRowsIn(databases.primary(), databases.secondary(), others));
        if (primaryDialectOnly.isEmpty()) {
            run.verify(() -> TableComparison.assertSameRowsIn(databases.primary(), databases.secondary(),
                    Collections.singletonList("items")));
            assertThat(stats.journaled).as("journaled writes in %s%n%s", stats, run.describe()).isZero();
        } else {
            // REPLACE INTO (MariaDB) or MERGE (PostgreSQL) cannot be written in the other dialect: the agent
            // refuses to translate them, so they go to the dead-letter file at once with the reason (they do
            // not hold up the writes after them) and the application never notices.
            run.verify(() -> TableComparison.assertSameRowsExcept(databases, "items", primaryDialectOnly,
                    "the rows only the primary's dialect could write"));
            assertThat(stats.deadLettered).as("dead-lettered writes (the dialect-only statements) in %s%n%s", stats, run.describe())
                    .isEqualTo(writesOnlyThePrimaryDialectCanRun());
        }
        assertThat(stats.applied).as("applied writes in %s%n%s", stats, run.describe())
                .isEqualTo(writes - stats.deadLettered);
        assertThat(stats.skipped).as("skipped writes in %s%n%s", stats, run.describe()).isZero();
        assertThat(TableComparison.row(databases.secondary(), "items", 104))
                .as("row 104, deleted by the scenario, on the secondary").isNull();
        assertThat(TableComparison.row(databases.secondary(), "items", 101))
                .as("row 101 on the secondary").isNotNull()
                .containsEntry("note", "O'Brien said \"hi\" – Grüße 👋 你好");
    }

    @Test
    void preparedWritesOfEveryValueKindArriveIdentically() {
        RunResult run = runScenario("prepared");
        Stats stats = run.consistentStats();

        run.verify(() -> TableComparison.assertSameRows(databases));
        assertThat(stats.journaled).as("journaled writes in %s%n%s", stats, run.describe()).isZero();
        assertThat(stats.skipped).as("skipped writes in %s%n%s", stats, run.describe()).isZero();
        // every row inserted by one executeUpdate, then one UPDATE and one DELETE
        assertThat(stats.applied).as("applied writes in %s%n%s", stats, run.describe())
                .isEqualTo(run.numberPrintedAfter("prepared: ") + 2);

        TableRows primary = TableComparison.read(databases.primary(), "values_all");
        TableRows secondary = TableComparison.read(databases.secondary(), "values_all");
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 100 * 1024; i++) {
            text.append(i % 10 == 9 ? '\n' : (char) ('a' + i % 26));
        }
        assertPresentOnBothSides(primary, secondary, "c_text", text.toString(), "the 100 KB text");
        byte[] allByteValues = new byte[256];
        for (int i = 0; i < allByteValues.length; i++) {
            allByteValues[i] = (byte) i;
        }
        assertPresentOnBothSides(primary, secondary, "c_bytes", new ComparableValues.Bytes(allByteValues),
                "the 256 byte values");
        assertThat(secondary.rows.stream().map(TableComparison::idOf).filter(id -> id < 0).collect(Collectors.toList()))
                .as("rows of parameters bound before clearParameters() on the secondary").isEmpty();
    }

    @Test
    void batchesArriveIdenticallyAndClearedBatchesNever() {
        int rows = 20;
        RunResult run = runScenario("batch", "--rows", String.valueOf(rows));
        Stats stats = run.consistentStats();

        run.verify(() -> TableComparison.assertSameRows(databases));
        assertThat(stats.journaled).as("journaled writes in %s%n%s", stats, run.describe()).isZero();
        assertThat(stats.applied).as("applied writes (one per executed batch) in %s%n%s", stats, run.describe())
                .isEqualTo(BATCH_WRITES);
        Set<Long> expected = new TreeSet<>(Arrays.asList(1L, 2L, 4L, 5L, 6L, 900_001L));
        for (long offset = 1; offset <= rows; offset++) {
            expected.add(1000 + offset);
        }
        for (TestDatabase db : Arrays.asList(databases.primary(), databases.secondary())) {
            assertThat(ids(db, "batch_rows")).as("ids of batch_rows on %s (cleared batches held 800001-800002 and "
                    + "900002-900006)", db.describe()).containsExactlyElementsOf(expected);
        }
        assertThat(TableComparison.row(databases.secondary(), "batch_rows", 1))
                .as("row 1, updated within its batch").containsEntry("n", new java.math.BigDecimal(11));
    }

    @Test
    void committedTransactionsArriveAndRolledBackOnesNever() {
        RunResult run = runScenario("transactions");
        Stats stats = run.consistentStats();

        run.verify(() -> TableComparison.assertSameRows(databases));
        for (TestDatabase db : Arrays.asList(databases.primary(), databases.secondary())) {
            assertThat(ids(db, "tx_rows")).as("ids of tx_rows on %s (3, 4, 6 rolled back, 11 never committed)",
                    db.describe()).containsExactlyElementsOf(COMMITTED_TX_ROWS);
            assertThat(TableComparison.read(db, "tx_rows").rows)
                    .extracting(r -> r.get("label"))
                    .as("labels on %s", db.describe())
                    .doesNotContain("rolled back", "rolled back to savepoint", "never committed");
        }
        assertThat(stats.journaled).as("journaled writes in %s%n%s", stats, run.describe()).isZero();
        assertThat(stats.applied).as("applied writes (the committed rows) in %s%n%s", stats, run.describe())
                .isEqualTo(COMMITTED_TX_ROWS.size());
        assertThat(stats.rolledBack).as("rolled-back writes (3, 4 and 6 at least) in %s%n%s", stats, run.describe())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void writesThatFailOnThePrimaryAreNeverMirrored() {
        RunResult run = runScenario("failures");
        Stats stats = run.consistentStats();

        run.verify(() -> TableComparison.assertSameRows(databases));
        assertThat(stats.journaled).as("journaled writes in %s%n%s", stats, run.describe()).isZero();
        assertThat(TableComparison.read(databases.secondary(), "items").rows)
                .extracting(r -> r.get("name")).as("items names on the secondary")
                .containsExactly("first", "after failures");
        assertThat(TableComparison.row(databases.secondary(), "batch_rows", 500_003))
                .as("batch_rows 500003 on the secondary").containsEntry("label", "existing");
    }

    /** Writes of the statement scenario on the primary's dialect (see StatementScenario in sample-target). */
    private int statementWrites() throws SQLException {
        // 4 execute, 4 executeUpdate and 4 executeLargeUpdate variants, 3 unusual spellings, 1 UPDATE, 1 DELETE
        int writes = 17;
        switch (primaryKind()) {
            case MARIADB:
                return writes + 2; // REPLACE INTO twice
            case H2:
                return writes + 2; // MERGE twice
            default:
                return writes + 1 + (postgresMajorVersion() >= 15 ? 2 : 0); // WITH ... INSERT, MERGE twice
        }
    }

    /** Ids of items rows that the statement scenario writes with SQL only the primary's dialect knows. */
    private Set<Long> statementRowsOnlyThePrimaryDialectCanWrite() throws SQLException {
        if (primaryKind() == secondaryKind()) {
            return Collections.emptySet();
        }
        if (primaryKind() == DatabaseKind.MARIADB) {
            return new HashSet<>(Arrays.asList(102L, 117L)); // REPLACE INTO
        }
        if (primaryKind() == DatabaseKind.POSTGRESQL && secondaryKind() == DatabaseKind.MARIADB) {
            // MERGE; WITH ... INSERT is translated
            return postgresMajorVersion() >= 15 ? new HashSet<>(Arrays.asList(103L, 118L)) : Collections.emptySet();
        }
        throw new IllegalStateException("no expectation for " + databases);
    }

    private int writesOnlyThePrimaryDialectCanRun() throws SQLException {
        return statementRowsOnlyThePrimaryDialectCanWrite().size();
    }

    private int postgresMajorVersion() throws SQLException {
        try (Connection c = databases.primary().connect()) {
            return c.getMetaData().getDatabaseMajorVersion();
        }
    }

    private static List<Long> ids(TestDatabase db, String table) {
        return TableComparison.read(db, table).rows.stream().map(TableComparison::idOf).collect(Collectors.toList());
    }

    /** The primary has rows with this value in the column, and the secondary has each of them with the same value. */
    private static void assertPresentOnBothSides(TableRows primary, TableRows secondary, String column, Object value,
                                                 String description) {
        List<Long> ids = primary.rows.stream().filter(r -> value.equals(r.get(column))).map(TableComparison::idOf)
                .collect(Collectors.toList());
        assertThat(ids).as("rows of %s on the primary whose %s holds %s", primary.table, column, description)
                .isNotEmpty();
        for (long id : ids) {
            Map<String, Object> row = secondary.byId(id);
            assertThat(row).as("row %s (%s) of %s on the secondary", id, description, secondary.table).isNotNull();
            assertThat(ComparableValues.same(value, row.get(column)))
                    .as("%s of row %s on the secondary is %s, but it has %s", column, id, description,
                            ComparableValues.show(row.get(column))).isTrue();
        }
    }
}
