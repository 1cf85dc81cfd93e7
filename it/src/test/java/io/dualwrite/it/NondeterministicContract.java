package io.dualwrite.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dualwrite.sample.scenario.NondeterministicScenario;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes with {@code now()}, {@code CURRENT_TIMESTAMP}, the primary's random function and a sequence's next value (the
 * nondeterministic scenario: five SQL texts, eight writes, of which one is a plain statement). By default each side evaluates them on its
 * own, and the agent counts and warns; with {@code writes.nondeterministic: rewrite} the prepared ones are evaluated
 * once on the primary and both sides get the same values. One subclass per direction.
 */
abstract class NondeterministicContract extends DatabasePairPerClass {

    private static final String TABLE = NondeterministicScenario.TABLE;
    private static final int WRITES = 8;
    private static final int SQL_TEXTS = 5;
    private static final int ROWS = 11;
    private static final int SEQUENCE_WRITES = 2;
    /** Rows 1-3 and 11-15, whose r is random. */
    private static final int RANDOM_ROWS = 8;
    private static final long SEQUENCE_START = NondeterministicScenario.SEQUENCE_START;
    private static final Set<Long> PLAIN_ROW = Set.of(100L);
    private static final Pattern NONDETERMINISTIC_STAT = Pattern.compile("stats: seen=.* nondeterministic=(\\d+)");

    NondeterministicContract(DatabaseKind primaryKind, DatabaseKind secondaryKind) {
        super(primaryKind, secondaryKind);
    }

    @BeforeEach
    void createTheTableOnBothSides() throws SQLException {
        for (TestDatabase db : List.of(primary(), secondary())) {
            try (Connection c = db.connect()) {
                NondeterministicScenario.createTable(c);
            }
        }
    }

    private RunResult run(AgentConfig config) {
        return AgentRun.with(config).run(SampleCommand.scenario("nondeterministic", primary()))
                .assertScenarioDone("nondeterministic");
    }

    @Test
    void inRewriteModePreparedWritesHoldTheSameValuesOnBothSidesAndTheSequenceIsTakenOncePerRow() {
        RunResult run = run(AgentConfig.mirroring(databases).nondeterministic("rewrite"));
        Stats stats = run.consistentStats();

        assertThat(stats.applied).as("applied writes in %s%n%s", stats, run.describe()).isEqualTo(WRITES);
        run.verify(() -> TableComparison.assertSameRowsExcept(databases, TABLE, PLAIN_ROW,
                "written by a plain Statement, which is never rewritten"));
        assertThat(TableComparison.count(secondary(), TABLE)).as("rows on the secondary").isEqualTo(ROWS);
        for (TestDatabase db : List.of(primary(), secondary())) {
            assertThat(TableComparison.row(db, TABLE, SEQUENCE_START)).as("the first id from the sequence on %s",
                    db.describe()).isNotNull();
            assertThat(TableComparison.row(db, TABLE, SEQUENCE_START + 1))
                    .as("the second id from the sequence on %s: the primary's sequence was consumed once per row",
                            db.describe()).isNotNull();
        }
        Map<String, Object> updated = TableComparison.row(secondary(), TABLE, 2);
        assertThat(updated).as("row 2, updated in a transaction").containsEntry("label", "updated");
        assertThat(updated.get("at_ts")).as("its timestamp").isNotNull();
        List<Object> randoms = TableComparison.read(primary(), TABLE).rows.stream().map(r -> r.get("r"))
                .filter(Objects::nonNull).collect(Collectors.toList());
        assertThat(randoms).as("random values on the primary: one evaluation per row").doesNotHaveDuplicates();
        assertThat(nondeterministicStat(run)).as("writes counted as non-deterministic: the plain statement")
                .isEqualTo(1);
        assertThat(run.numberPrintedAfter("nondeterministic: jmx WritesNondeterministic=")).isEqualTo(1);
        assertThat(warnings(run)).as("warnings%n%s", run.describe()).hasSize(1)
                .allMatch(w -> w.contains("plain Statement cannot be rewritten"));
    }

    @Test
    void byDefaultTheWritesAreMirroredAsWrittenCountedAndWarnedAboutOncePerSqlText() throws SQLException {
        createThePrimarysRandomFunctionOnTheSecondary();
        RunResult run = run(AgentConfig.mirroring(databases));
        Stats stats = run.consistentStats();

        // nextval's argument is written the primary's way ('seq' on PostgreSQL, seq on MariaDB), which the other
        // database reads otherwise unless translated: such a write lands in the dead-letter file, never lost
        assertThat(stats.deadLettered).as("dead-lettered writes (at most the two from the sequence) in %s%n%s", stats,
                run.describe()).isBetween(0L, (long) SEQUENCE_WRITES);
        assertThat(stats.applied + stats.deadLettered).as("applied or dead-lettered writes in %s%n%s", stats,
                run.describe()).isEqualTo(WRITES);
        assertThat(nondeterministicStat(run)).as("writes counted as non-deterministic%n%s", run.describe())
                .isEqualTo(WRITES);
        assertThat(run.numberPrintedAfter("nondeterministic: jmx WritesNondeterministic=")).isEqualTo(WRITES);
        List<String> warnings = warnings(run);
        assertThat(warnings).as("one warning per SQL text%n%s", run.describe()).hasSize(SQL_TEXTS)
                .allMatch(w -> w.contains("their values will differ"))
                .anyMatch(w -> w.contains("now()") && w.contains("INSERT INTO nondet_rows (id, label, at_ts, r)"))
                .anyMatch(w -> w.contains("CURRENT_TIMESTAMP"));
        TableRows onPrimary = TableComparison.read(primary(), TABLE);
        TableRows onSecondary = TableComparison.read(secondary(), TABLE);
        assertThat(onPrimary.size()).as("rows on the primary").isEqualTo(ROWS);
        assertThat(onSecondary.size()).as("rows on the secondary").isEqualTo(ROWS - stats.deadLettered);
        long differing = onPrimary.rows.stream()
                .filter(row -> row.get("r") != null && !PLAIN_ROW.contains(TableComparison.idOf(row)))
                .filter(row -> !ComparableValues.same(row.get("r"), onSecondary.byId(TableComparison.idOf(row)).get("r")))
                .count();
        assertThat(differing).as("rows whose random value differs between the sides (each evaluated its own)")
                .isEqualTo(RANDOM_ROWS);
    }

    private static long nondeterministicStat(RunResult run) {
        Matcher m = NONDETERMINISTIC_STAT.matcher(run.stderr());
        assertThat(m.find()).as("nondeterministic=N on the stats line%n%s", run.describe()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static List<String> warnings(RunResult run) {
        return run.stderrLines().stream()
                .filter(l -> l.contains("WARN") && l.toLowerCase(Locale.ROOT).contains("non-deterministic"))
                .collect(Collectors.toList());
    }

    /**
     * In default mode the secondary evaluates the primary's SQL itself: give it the primary's random function (as a
     * migration would give it compatible functions), so that the writes succeed there, with values of its own.
     */
    private void createThePrimarysRandomFunctionOnTheSecondary() throws SQLException {
        String function = primaryKind() == DatabaseKind.POSTGRESQL
                ? "CREATE OR REPLACE FUNCTION random() RETURNS DOUBLE NOT DETERMINISTIC NO SQL RETURN RAND()"
                : "CREATE OR REPLACE FUNCTION rand() RETURNS double precision LANGUAGE sql VOLATILE "
                        + "AS 'SELECT random()'";
        try (Connection c = secondary().connect(); Statement statement = c.createStatement()) {
            statement.execute(function);
        }
    }
}
