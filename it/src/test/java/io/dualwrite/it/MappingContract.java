package io.dualwrite.it;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table the secondary holds under another name and shape ({@code mapping:}), in one direction: the primary's
 * {@code members (id, name, legacy_flag, email, score)} is the secondary's
 * {@code members_v2 (id, full_name, email_address, score, origin, schema_version)}: two columns renamed,
 * legacy_flag dropped, origin and schema_version set by constants. The {@code mapped} scenario writes every kind
 * of statement on three threads; the run is shared by the tests of the class.
 */
abstract class MappingContract extends DatabasePairPerClass {

    private static final int THREADS = 3;
    private static final int ROUNDS = 30;
    private static final int WRITES_PER_ROUND = 10;
    private static final String ORIGIN = "migrated";
    private static final int SCHEMA_VERSION = 2;
    /** The scenario's last write: its WHERE needs the dropped column. */
    private static final String DROPPED_WHERE = "UPDATE members SET score = 0 WHERE legacy_flag = -1";

    private AgentRun agentRun;
    private RunResult run;

    MappingContract(DatabaseKind primaryKind, DatabaseKind secondaryKind) {
        super(primaryKind, secondaryKind);
    }

    @BeforeAll
    void runTheScenarioOnTheMappedTable() {
        createTable(primary(), "DROP TABLE IF EXISTS members", "CREATE TABLE members (id BIGINT PRIMARY KEY, "
                + "name VARCHAR(100), legacy_flag INT, email VARCHAR(200), score INT)");
        createTable(secondary(), "DROP TABLE IF EXISTS members_v2", "CREATE TABLE members_v2 (id BIGINT PRIMARY KEY, "
                + "full_name VARCHAR(100), email_address VARCHAR(200), score INT, origin VARCHAR(20), "
                + "schema_version INT)");
        agentRun = AgentRun.with(AgentConfig.mirroring(databases).mapping(AgentConfig.TableMapping.of("members")
                .table("members_v2")
                .rename("name", "full_name")
                .rename("email", "email_address")
                .drop("legacy_flag")
                .constant("origin", ORIGIN)
                .constant("schema_version", SCHEMA_VERSION)));
        run = agentRun.run(SampleCommand.scenario("mapped", primary(), "--threads", String.valueOf(THREADS),
                "--rows", String.valueOf(ROUNDS))).assertScenarioDone("mapped");
    }

    @Test
    void theSecondaryHoldsThePrimaryRowsProjectedThroughTheMappingAndNothingIsJournaled() {
        Stats stats = run.consistentStats();
        TableRows primaryRows = TableComparison.read(primary(), "members");
        TableRows secondaryRows = TableComparison.read(secondary(), "members_v2");

        assertThat(stats.applied).as("applied writes (all but the last, untranslatable one) in %s%n%s", stats,
                run.describe()).isEqualTo(THREADS * ROUNDS * WRITES_PER_ROUND);
        assertThat(stats.journaled - stats.deadLettered).as("writes journaled for a retry in %s%n%s", stats,
                run.describe()).isZero();
        assertThat(primaryRows.size()).as("rows left on the primary (5 of the 8 inserted per round)")
                .isEqualTo(THREADS * ROUNDS * 5);
        assertThat(primaryRows.rows).as("rows the scenario updated on the primary")
                .anyMatch(row -> String.valueOf(row.get("name")).startsWith("updated-"))
                .anyMatch(row -> String.valueOf(row.get("email")).startsWith("changed-"))
                .anyMatch(row -> "batch-updated".equals(row.get("name")));
        for (Map<String, Object> row : secondaryRows.rows) {
            assertThat(ComparableValues.same(row.get("origin"), ORIGIN)
                    && ComparableValues.same(row.get("schema_version"), BigDecimal.valueOf(SCHEMA_VERSION)))
                    .as("the constants in the secondary's row %s", row).isTrue();
        }
        String difference = TableComparison.firstDifference(projected(primaryRows),
                without(secondaryRows, "origin", "schema_version"), primary(), secondary());
        assertThat(difference).as("the first difference between the primary's members, projected through the "
                + "mapping, and the secondary's members_v2%n%s", run.describe()).isNull();
    }

    @Test
    void anUpdateWhoseWhereUsesTheDroppedColumnIsDeadLetteredWithItsReason() {
        Stats stats = run.consistentStats();

        assertThat(stats.deadLettered).as("dead-lettered writes in %s%n%s", stats, run.describe()).isEqualTo(1);
        assertThat(DeadLetterFile.lines(agentRun.journalDir())).as("dead letters").singleElement().asString()
                .contains(DROPPED_WHERE, "column legacy_flag of members is dropped on the secondary "
                        + "(mapping.members.drop), but the WHERE clause uses it, so the secondary could not find the "
                        + "same rows");
    }

    /**
     * The primary's rows as the mapping says the secondary holds them: name as full_name, email as email_address,
     * legacy_flag left out.
     */
    private static TableRows projected(TableRows primary) {
        List<String> columns = Arrays.asList("id", "full_name", "email_address", "score");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : primary.rows) {
            Map<String, Object> projected = TableRows.newRow();
            projected.put("id", row.get("id"));
            projected.put("full_name", row.get("name"));
            projected.put("email_address", row.get("email"));
            projected.put("score", row.get("score"));
            rows.add(projected);
        }
        return new TableRows("members projected to members_v2", columns, rows);
    }

    private static TableRows without(TableRows table, String... columns) {
        List<String> kept = new ArrayList<>(table.columns);
        kept.removeAll(Arrays.asList(columns));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : table.rows) {
            Map<String, Object> copy = TableRows.newRow();
            kept.forEach(column -> copy.put(column, row.get(column)));
            rows.add(copy);
        }
        return new TableRows(table.table, kept, rows);
    }

    private static void createTable(TestDatabase db, String drop, String create) {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(drop);
            st.execute(create);
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new AssertionError("could not create the mapped table on " + db + ": " + e, e);
        }
    }
}
