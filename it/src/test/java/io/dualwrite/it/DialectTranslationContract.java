package io.dualwrite.it;

import io.dualwrite.sample.scenario.DialectScenario;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes in the primary's dialect reach a secondary of the other dialect translated (the {@code dialect}
 * scenario: quoting, backslashes, upserts, RETURNING, casts, booleans, DEFAULT VALUES, WITH ... INSERT), and the
 * one write the agent cannot translate lands in the dead-letter file with its reason. One subclass per direction;
 * the secondary's tables are created beforehand in its own dialect, as an operator would.
 */
abstract class DialectTranslationContract extends DatabasePairPerClass {

    private static final List<String> TABLES = Arrays.asList("dialect_rows", "dialect_defaults");

    DialectTranslationContract(DatabaseKind primaryKind, DatabaseKind secondaryKind) {
        super(primaryKind, secondaryKind);
    }

    /** The reason the agent gives for the statement the scenario writes last. */
    abstract String refusalReason();

    @Test
    void everyTranslatedConstructArrivesEquallyAndTheUntranslatableOneIsDeadLetteredWithItsReason()
            throws SQLException {
        try (Connection connection = secondary().connect()) {
            DialectScenario.createTables(connection, secondaryKind() == DatabaseKind.POSTGRESQL);
        }
        AgentRun agentRun = AgentRun.with(AgentConfig.mirroring(databases));
        RunResult run = agentRun.run(SampleCommand.scenario("dialect", primary())).assertScenarioDone("dialect");
        Stats stats = run.consistentStats();

        run.verify(() -> TableComparison.assertSameRowsIn(primary(), secondary(),
                Collections.singletonList("dialect_defaults")));
        run.verify(() -> TableComparison.assertSameRowsExcept(databases, "dialect_rows",
                Collections.singleton(DialectScenario.REFUSED_ID), "the row of the untranslatable write"));
        assertThat(TableComparison.count(secondary(), "dialect_defaults")).as("rows of defaults on the secondary")
                .isEqualTo(2);
        assertThat(TableComparison.row(secondary(), "dialect_rows", 1)).as("row 1 on the secondary")
                .containsEntry("name", "upserted").containsEntry("note", "C:\\dir\\file it's");
        assertThat(TableComparison.row(secondary(), "dialect_rows", 10)).as("row 10 on the secondary")
                .containsEntry("name", "upserted " + DialectScenario.AWKWARD_TEXT).containsEntry("note", "a\\b");
        assertThat(TableComparison.row(secondary(), "dialect_rows", 14)).as("row 14 (WITH ... INSERT) on the "
                + "secondary").isNotNull();
        assertThat(TableComparison.row(secondary(), "dialect_rows", DialectScenario.REFUSED_ID))
                .as("row of the untranslatable write on the secondary").isNull();
        assertThat(TableComparison.row(primary(), "dialect_rows", DialectScenario.REFUSED_ID))
                .as("row of the untranslatable write on the primary").isNotNull();
        assertThat(stats.deadLettered).as("dead-lettered writes in %s%n%s", stats, run.describe()).isEqualTo(1);
        assertThat(stats.journaled).as("journaled writes (the dead-lettered one only) in %s%n%s", stats,
                run.describe()).isEqualTo(1);
        assertThat(DeadLetterFile.lines(agentRun.journalDir())).as("dead letters%n%s", run.describe())
                .singleElement().asString()
                .contains("untranslatable for the secondary", refusalReason(), "refused");
    }
}
