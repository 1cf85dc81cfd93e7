package io.dualwrite.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {

    @TempDir
    Path dir;

    private ReconcileCliFixture fixture;

    @BeforeEach
    void databases() throws Exception {
        fixture = new ReconcileCliFixture(dir);
    }

    private static void assertNoSecret(CliFixture.Run run) {
        for (String secret : List.of(ReconcileCliFixture.SECRET, ReconcileCliFixture.PRIMARY_PASSWORD,
                ReconcileCliFixture.SECONDARY_PASSWORD)) {
            assertThat(run.out).as("stdout").doesNotContain(secret);
            assertThat(run.err).as("stderr").doesNotContain(secret);
        }
    }

    @Test
    void equalDatabasesPrintASummaryPerTableAndExitZero() {
        CliFixture.Run run = fixture.run("verify");

        assertThat(run.exit).as("%s", run).isEqualTo(0);
        assertThat(run.outLines()).containsExactly(
                "verify: " + fixture.primaryUrl + " (primary) against " + fixture.secondaryUrl + " (secondary), 2 tables",
                "items: 20 rows compared, equal",
                "orders: 5 rows compared, equal",
                "result: equal: every compared table holds the same rows on both sides");
        assertNoSecret(run);
    }

    @Test
    void differencesAreListedByKeyUnderTheirTableAndExitOne() throws Exception {
        fixture.seedDifferences();

        CliFixture.Run run = fixture.run("verify");

        assertThat(run.exit).as("%s", run).isEqualTo(1);
        List<String> lines = run.outLines();
        assertThat(lines).hasSize(9);
        assertThat(lines.get(1)).isEqualTo("items: 20 rows compared, 2 missing on the secondary, "
                + "1 extra on the secondary, 2 different");
        assertThat(lines.subList(2, 7)).containsExactlyInAnyOrder("  missing id=3", "  missing id=9", "  extra id=21",
                "  different id=5: label", "  different id=7: amount");
        assertThat(lines.subList(7, 9)).containsExactly("orders: 5 rows compared, equal",
                "result: 5 differing keys in 1 of 2 tables; repair --config " + fixture.config
                        + " makes the secondary equal the primary");
        assertNoSecret(run);
    }

    @Test
    void onlyTheNamedTablesAreVerified() throws Exception {
        fixture.seedDifferences();

        CliFixture.Run run = fixture.run("verify", "--tables", "orders");

        assertThat(run.exit).as("%s", run).isEqualTo(0);
        assertThat(run.out).contains(", 1 table\n").contains("orders: 5 rows compared, equal").doesNotContain("items");
    }

    @Test
    void ignoredColumnsAreNotCompared() throws Exception {
        fixture.seedDifferences();

        CliFixture.Run run = fixture.run("verify", "--tables", "items", "--ignore-columns", "items.label,items.amount");

        assertThat(run.exit).as("%s", run).isEqualTo(1);
        assertThat(run.out).contains("items: 20 rows compared, 2 missing on the secondary, 1 extra on the secondary, "
                + "0 different").doesNotContain("different id=");
    }

    @Test
    void aTableThatCannotBeComparedIsAnErrorThatSaysWhyAndExitsTwo() throws Exception {
        fixture.both("CREATE TABLE logs (at TIMESTAMP, message VARCHAR(100))");

        CliFixture.Run run = fixture.run("verify");

        assertThat(run.exit).as("%s", run).isEqualTo(2);
        assertThat(run.outLines()).contains("items: 20 rows compared, equal",
                "result: 0 differing keys in 0 of 3 tables; 1 table could not be compared");
        assertThat(run.outLines()).anySatisfy(line -> assertThat(line)
                .startsWith("logs: not compared: no primary key nor unique key over NOT NULL columns"));
    }

    @Test
    void aNamedTableMissingOnTheSecondaryIsAnError() throws Exception {
        fixture.primary("CREATE TABLE invoices (id INT PRIMARY KEY)");

        CliFixture.Run run = fixture.run("verify", "--tables", "items,invoices");

        assertThat(run.exit).as("%s", run).isEqualTo(2);
        assertThat(run.out).contains("invoices: not compared: no such table on the secondary");
    }

    @Test
    void columnsOnlyOneSideHasAreNamedAndLeftOut() throws Exception {
        fixture.secondary("ALTER TABLE orders ADD COLUMN added INT DEFAULT 1");

        CliFixture.Run run = fixture.run("verify", "--tables", "orders");

        assertThat(run.exit).as("%s", run).isEqualTo(0);
        assertThat(run.out).contains("orders: not compared, columns only on the secondary: [added]",
                "orders: 5 rows compared, equal");
    }

    @Test
    void theReportHoldsExactlyTheSeededKeysAndIsReadableByItsOwnerOnly() throws Exception {
        fixture.seedDifferences();
        fixture.both("CREATE TABLE logs (message VARCHAR(100))");
        Path report = dir.resolve("report.json");

        CliFixture.Run run = fixture.run("verify", "--report", report.toString());

        assertThat(run.exit).as("%s", run).isEqualTo(2);
        String json = Files.readString(report, StandardCharsets.UTF_8);
        List<String> differences = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\{\"kind\":\"(\\w+)\",\"key\":(\\{[^}]*\\})(,\"columns\":\\[[^]]*\\])?\\}")
                .matcher(json);
        while (matcher.find()) {
            differences.add(matcher.group(1) + " " + matcher.group(2) + (matcher.group(3) == null ? ""
                    : " " + matcher.group(3).substring(1)));
        }
        assertThat(differences).containsExactlyInAnyOrder("missing {\"id\":3}", "missing {\"id\":9}",
                "extra {\"id\":21}", "different {\"id\":5} \"columns\":[\"label\"]",
                "different {\"id\":7} \"columns\":[\"amount\"]");
        assertThat(json).startsWith("{\"primary\":\"" + fixture.primaryUrl + "\",\"secondary\":\""
                + fixture.secondaryUrl + "\",\"tables\":[")
                .contains("{\"table\":\"items\",\"key\":[\"id\"],\"differences\":[")
                .contains("\"compared\":20,\"missing\":2,\"extra\":1,\"different\":2}")
                .contains("{\"table\":\"orders\",\"key\":[\"id\"],\"differences\":[],\"compared\":5,\"missing\":0,"
                        + "\"extra\":0,\"different\":0}")
                .contains("{\"table\":\"logs\",\"error\":\"no primary key nor unique key")
                .endsWith("\"result\":\"error\"}\n")
                .doesNotContain(ReconcileCliFixture.SECRET);
        assertThat(json.chars().filter(c -> c == '{').count()).as("balanced")
                .isEqualTo(json.chars().filter(c -> c == '}').count());
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report))).isEqualTo("rw-------");
        }
    }

    @Test
    void theReportOfEqualDatabasesSaysEqual() throws Exception {
        Path report = dir.resolve("report.json");

        CliFixture.Run run = fixture.run("verify", "--report", report.toString());

        assertThat(run.exit).as("%s", run).isEqualTo(0);
        assertThat(Files.readString(report, StandardCharsets.UTF_8)).endsWith("\"result\":\"equal\"}\n")
                .doesNotContain("\"kind\"");
    }

    @Test
    void anExistingReportWithWiderPermissionsIsReplacedByAnOwnerOnlyOne() throws Exception {
        assertThat(FileSystems.getDefault().supportedFileAttributeViews())
                .as("the file system must have POSIX permissions for owner-only files to be checked").contains("posix");
        fixture.seedDifferences();
        Path report = Files.writeString(dir.resolve("report.json"), "old");
        Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rw-rw-rw-"));

        CliFixture.Run run = fixture.run("verify", "--report", report.toString());

        assertThat(run.exit).as("%s", run).isEqualTo(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report))).isEqualTo("rw-------");
        assertThat(Files.readString(report, StandardCharsets.UTF_8)).endsWith("\"result\":\"different\"}\n");
    }

    @Test
    void moreThanTenDifferencesShowTheFirstTenAndHowManyMore() throws Exception {
        fixture.secondary("DELETE FROM items WHERE id > 5");

        CliFixture.Run plain = fixture.run("verify", "--tables", "items");
        CliFixture.Run withReport = fixture.run("verify", "--tables", "items", "--report",
                dir.resolve("r.json").toString());

        assertThat(plain.exit).as("%s", plain).isEqualTo(1);
        assertThat(plain.outLines()).filteredOn(line -> line.startsWith("  missing id=")).hasSize(10);
        assertThat(plain.outLines()).contains("  ... and 5 more");
        assertThat(withReport.outLines()).contains("  ... and 5 more (all of them in the report)");
        assertThat(Files.readString(dir.resolve("r.json"), StandardCharsets.UTF_8)).contains("{\"id\":20}");
    }

    @Test
    void noValueButTheKeysIsEverShownEvenForDifferingSecrets() throws Exception {
        fixture.secondary("UPDATE items SET secret = 'Other-S3cret-on-the-secondary' WHERE id = 4",
                "UPDATE orders SET customer = NULL WHERE id = 2");
        Path report = dir.resolve("report.json");

        CliFixture.Run run = fixture.run("verify", "--report", report.toString());

        assertThat(run.exit).as("%s", run).isEqualTo(1);
        assertThat(run.out).contains("  different id=4: secret", "  different id=2: customer");
        assertNoSecret(run);
        assertThat(run.out + run.err).doesNotContain("Other-S3cret");
        assertThat(Files.readString(report, StandardCharsets.UTF_8)).doesNotContain(ReconcileCliFixture.SECRET)
                .doesNotContain("Other-S3cret");
    }

    @Test
    void aWrongPasswordSaysWhatToCheckWithoutShowingIt() throws Exception {
        Path config = Files.writeString(dir.resolve("wrong.yaml"), Files.readString(fixture.config)
                .replace(ReconcileCliFixture.SECONDARY_PASSWORD, "Wrong-Pa55word-never-shown"));

        CliFixture.Run run = ReconcileCliFixture.runArgs("verify", "--config", config.toString());

        assertThat(run.exit).as("%s", run).isEqualTo(2);
        assertThat(run.err).contains("error: connecting to the secondary " + fixture.secondaryUrl + " as sa failed",
                "check secondary.user and secondary.password").doesNotContain("Wrong-Pa55word");
        assertThat(run.out).isEmpty();
    }
}
