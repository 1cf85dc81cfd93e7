package io.dualwrite.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepairCommandTest {

    private static final String ALL_ITEMS = "SELECT * FROM items ORDER BY id";

    @TempDir
    Path dir;

    private ReconcileCliFixture fixture;

    @BeforeEach
    void databases() throws Exception {
        fixture = new ReconcileCliFixture(dir);
    }

    @Test
    void repairMakesTheSecondaryEqualThePrimaryAndSaysWhatItDid() throws Exception {
        fixture.seedDifferences();

        CliFixture.Run run = fixture.run("repair");

        assertThat(run.exit).as("%s", run).isEqualTo(0);
        assertThat(run.outLines()).containsExactly(
                "repair: " + fixture.primaryUrl + " (primary) into " + fixture.secondaryUrl + " (secondary)",
                "items: 2 inserted, 2 updated, 1 deleted",
                "orders: equal, nothing to repair",
                "verify of the repaired keys: equal");
        assertThat(fixture.secondaryRows(ALL_ITEMS)).containsExactlyElementsOf(fixture.primaryRows(ALL_ITEMS));
        assertThat(run.out + run.err).doesNotContain(ReconcileCliFixture.SECRET);
        CliFixture.Run verify = fixture.run("verify");
        assertThat(verify.exit).as("%s", verify).isEqualTo(0);
    }

    @Test
    void aDryRunSaysWhatItWouldDoChangesNothingAndExitsOne() throws Exception {
        fixture.seedDifferences();
        List<String> before = fixture.secondaryRows(ALL_ITEMS);

        CliFixture.Run run = fixture.run("repair", "--dry-run");

        assertThat(run.exit).as("%s", run).isEqualTo(1);
        List<String> lines = run.outLines();
        assertThat(lines.get(0)).isEqualTo("repair (dry run): " + fixture.primaryUrl + " (primary) into "
                + fixture.secondaryUrl + " (secondary)");
        assertThat(lines.get(1)).isEqualTo("items: would insert 2, update 2, delete 1");
        assertThat(lines.subList(2, 7)).containsExactlyInAnyOrder("  insert id=3", "  insert id=9", "  delete id=21",
                "  update id=5: label", "  update id=7: amount");
        assertThat(lines.subList(7, lines.size())).containsExactly("orders: equal, nothing to repair",
                "dry run: nothing was changed");
        assertThat(fixture.secondaryRows(ALL_ITEMS)).containsExactlyElementsOf(before);
        assertThat(run.out + run.err).doesNotContain(ReconcileCliFixture.SECRET);
    }

    @Test
    void aDryRunOfEqualDatabasesExitsZero() {
        CliFixture.Run run = fixture.run("repair", "--dry-run");

        assertThat(run.exit).as("%s", run).isEqualTo(0);
        assertThat(run.out).contains("items: equal, nothing to repair", "dry run: nothing was changed");
    }

    @Test
    void ignoredColumnsAreNeitherComparedNorUpdated() throws Exception {
        fixture.seedDifferences();

        CliFixture.Run run = fixture.run("repair", "--tables", "items", "--ignore-columns", "items.amount");

        assertThat(run.exit).as("%s", run).isEqualTo(0);
        assertThat(run.out).contains("items: 2 inserted, 1 updated, 1 deleted");
        assertThat(fixture.secondaryRows("SELECT amount FROM items WHERE id = 7")).containsExactly("700");
        assertThat(fixture.secondaryRows("SELECT label FROM items WHERE id = 5")).containsExactly("label-5");
    }

    @Test
    void aTableThatCannotBeRepairedIsAnErrorAndTheOthersAreRepaired() throws Exception {
        fixture.seedDifferences();
        fixture.both("CREATE TABLE logs (message VARCHAR(100))");

        CliFixture.Run run = fixture.run("repair");

        assertThat(run.exit).as("%s", run).isEqualTo(2);
        assertThat(run.out).contains("items: 2 inserted, 2 updated, 1 deleted",
                "logs: not repaired: no primary key nor unique key", "result: 1 table could not be repaired");
        assertThat(fixture.secondaryRows(ALL_ITEMS)).containsExactlyElementsOf(fixture.primaryRows(ALL_ITEMS));
    }

    @Test
    void aSecondaryThatCannotBeWrittenIsRefusedBeforeAnyChange() throws Exception {
        fixture.seedDifferences();
        String mysqlModeUrl = fixture.secondaryUrl.replace("MODE=PostgreSQL", "MODE=MySQL");
        java.nio.file.Path config = java.nio.file.Files.writeString(dir.resolve("mysql-mode.yaml"),
                java.nio.file.Files.readString(fixture.config).replace(fixture.secondaryUrl, mysqlModeUrl));
        List<String> before = fixture.secondaryRows(ALL_ITEMS);

        CliFixture.Run run = ReconcileCliFixture.runArgs("repair", "--config", config.toString());

        assertThat(run.exit).as("%s", run).isEqualTo(2);
        assertThat(run.err).contains("error: the secondary " + mysqlModeUrl + " is not PostgreSQL, MariaDB or MySQL");
        assertThat(fixture.secondaryRows(ALL_ITEMS)).containsExactlyElementsOf(before);
    }
}
