package io.dualwrite.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tests' own yardstick: {@link TableComparison} sees the same values written to two different databases
 * as equal, and names the table, id and column of a difference. Runs the sample without any agent.
 */
class TableComparisonIT extends DatabasePairPerClass {

    TableComparisonIT() {
        super(DatabaseKind.MARIADB, DatabaseKind.H2);
    }

    @Test
    void sameValuesWrittenToMariadbAndH2CompareEqualAndAChangedOneIsNamed() throws SQLException {
        for (TestDatabase db : new TestDatabase[] {primary(), secondary()}) {
            AgentRun.withoutAgent().run(SampleCommand.scenario("prepared", db)).assertScenarioDone("prepared");
        }
        assertThat(TableComparison.count(primary(), "values_all")).isGreaterThan(30);
        TableComparison.assertSameRows(databases);

        try (Connection c = secondary().connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE values_all SET c_decimal = c_decimal + 0.0000000001 WHERE id = 9");
        }
        assertThatThrownBy(() -> TableComparison.assertSameRows(databases))
                .hasMessageContaining("table values_all, id 9, column c_decimal")
                .hasMessageContaining("rows: primary");
    }
}
