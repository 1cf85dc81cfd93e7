package io.dualwrite.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {

    private static final String PASSWORD = "Explain-S3cret";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return AgentCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String result(int exit) {
        return "exit " + exit + "\n--- stdout:\n" + out() + "--- stderr:\n" + err();
    }

    /** A primary and a secondary of the same kind (H2): nothing to translate. */
    private static final String USERS_MAPPING = "mapping:\n  users:\n    table: users_v2\n    drop: [legacy]\n"
            + "    constants:\n      status: \"it's\"\n      tier: 3\n";

    private Path sameDialect(String writes) throws Exception {
        return Files.writeString(dir.resolve("same.yaml"), "primary:\n  url-pattern: \"jdbc:h2:mem:app*\"\n"
                + "secondary:\n  url: \"jdbc:h2:mem:new\"\n  password: \"" + PASSWORD + "\"\n" + writes);
    }

    private Path postgresqlToMariadb() throws Exception {
        return Files.writeString(dir.resolve("pg-to-maria.yaml"),
                "primary:\n  url-pattern: \"jdbc:postgresql://*/app\"\n"
                        + "secondary:\n  url: \"jdbc:mariadb://127.0.0.1:3306/app\"\n  password: \"" + PASSWORD
                        + "\"\n");
    }

    @Test
    void aMirroredInsertIsSentAsItIsWhenBothSidesSpeakTheSameDialect() throws Exception {
        Path config = sameDialect("");

        int exit = run("explain", "--config", config.toString(), "INSERT INTO orders (id, label) VALUES (?, ?)");

        assertThat(exit).as(result(exit)).isEqualTo(0);
        assertThat(out().lines()).containsExactly(
                "statement 1: INSERT INTO orders (id, label) VALUES (?, ?)",
                "  classification: WRITE (INSERT), table orders",
                "  mirrored: writes.tables (include [*] exclude []) includes orders",
                "  mapping: none for this table",
                "  dialects: unknown (primary.url-pattern) -> unknown (secondary.url)",
                "  secondary: the same statement, with the primary's values",
                "  non-deterministic expressions: none");
        assertThat(out() + err()).doesNotContain(PASSWORD);
    }

    @Test
    void aWriteToAnExcludedTableIsSkippedNamingTheRuleAndIsNotTranslated() throws Exception {
        Path config = sameDialect("writes:\n  tables:\n    exclude: [\"audit_*\"]\n");

        int exit = run("explain", "--config", config.toString(), "UPDATE audit_log SET seen = true WHERE id = ?");

        assertThat(exit).as(result(exit)).isEqualTo(0);
        assertThat(out().lines()).containsExactly(
                "statement 1: UPDATE audit_log SET seen = true WHERE id = ?",
                "  classification: WRITE (UPDATE), table audit_log",
                "  skipped: writes.tables (include [*] exclude [audit_*]) does not include audit_log");
    }

    @Test
    void aReadIsNeverMirrored() throws Exception {
        int exit = run("explain", "--config", sameDialect("").toString(), "SELECT label FROM orders WHERE id = ?");

        assertThat(exit).as(result(exit)).isEqualTo(0);
        assertThat(out().lines()).containsExactly(
                "statement 1: SELECT label FROM orders WHERE id = ?",
                "  classification: READ (SELECT)",
                "  not a write: a read is never mirrored");
    }

    @Test
    void ddlAndProcedureCallsAreSkippedWithTheirOwnReasons() throws Exception {
        int exit = run("explain", "--config", sameDialect("").toString(), "CREATE TABLE t (id INT)", "CALL archive(?)");

        assertThat(exit).as(result(exit)).isEqualTo(0);
        assertThat(out()).contains("  skipped: DDL is mirrored only with writes.ddl: true",
                "  skipped: a stored-procedure call is never mirrored");
    }

    @Test
    void aDisabledAgentMirrorsNothing() throws Exception {
        Path config = Files.writeString(dir.resolve("off.yaml"), "enabled: false\n");

        int exit = run("explain", "--config", config.toString(), "INSERT INTO orders (id) VALUES (1)");

        assertThat(exit).as(result(exit)).isEqualTo(0);
        assertThat(out()).contains("  not mirrored: the agent is disabled (enabled: false)");
    }

    @Test
    void aStatementForAMariadbSecondaryOfAPostgresqlPrimaryTakesEachValueFromThePrimarysParameters()
            throws Exception {
        int exit = run("explain", "--config", postgresqlToMariadb().toString(),
                "INSERT INTO \"orders\" (\"id\", \"label\") VALUES (?, ?) RETURNING \"id\"");

        assertThat(exit).as(result(exit)).isEqualTo(0);
        List<String> lines = out().lines().collect(Collectors.toList());
        assertThat(lines).contains("  dialects: PostgreSQL (primary.url-pattern) -> MariaDB/MySQL (secondary.url)");
        String secondary = lines.stream().filter(line -> line.startsWith("  secondary: ")).findFirst().orElseThrow();
        assertThat(secondary).isEqualTo("  secondary: INSERT INTO `orders` (`id`, `label`) VALUES (?, ?)");
        assertThat(lines).containsSubsequence(secondary, "    ?1 = primary parameter 1", "    ?2 = primary parameter 2",
                "  non-deterministic expressions: none");
        assertThat(lines).filteredOn(line -> line.startsWith("    ?")).hasSize(2);
    }

    @Test
    void aStatementTheSecondaryCannotBeGivenIsReportedWithItsReasonAndExitsOne() throws Exception {
        int exit = run("explain", "--config", postgresqlToMariadb().toString(),
                "INSERT INTO orders (id) VALUES (?) ON CONFLICT (id) DO UPDATE SET WHERE",
                "INSERT INTO orders (id) VALUES (?)");

        assertThat(exit).as(result(exit)).isEqualTo(ExplainCommand.UNTRANSLATABLE);
        assertThat(out()).contains("  secondary: untranslatable: the SQL parser could not read it (",
                "the agent would keep each such write in the dead-letter file with this reason",
                "statement 2: INSERT INTO orders (id) VALUES (?)");
    }

    @Test
    void constantsOfTheMappingAreShownWithTheirValues() throws Exception {
        int exit = run("explain", "--config", sameDialect(USERS_MAPPING).toString(), "--json",
                "INSERT INTO users (id, name) VALUES (?, ?)");

        assertThat(exit).as(result(exit)).isEqualTo(0);
        assertThat(out()).contains("\"secondary\":{\"sql\":\"INSERT INTO users_v2 (id, name, status, tier) "
                + "VALUES (?, ?, ?, ?)\",\"parameters\":[{\"primary\":1},{\"primary\":2},{\"constant\":\"it's\"},"
                + "{\"constant\":3}]}");
        run("explain", "--config", sameDialect(USERS_MAPPING).toString(), "INSERT INTO users (id, name) VALUES (?, ?)");
        assertThat(out().lines()).containsSubsequence(
                "  secondary: INSERT INTO users_v2 (id, name, status, tier) VALUES (?, ?, ?, ?)",
                "    ?1 = primary parameter 1",
                "    ?2 = primary parameter 2",
                "    ?3 = constant 'it''s'",
                "    ?4 = constant 3");
    }

    @Test
    void anUpdateOfDroppedColumnsOnlyRunsNothingOnTheSecondary() throws Exception {
        int exit = run("explain", "--config", sameDialect(USERS_MAPPING).toString(),
                "UPDATE users SET legacy = ? WHERE id = ?");

        assertThat(exit).as(result(exit)).isEqualTo(0);
        assertThat(out()).contains("  secondary: nothing to run (the mapping dropped every column");
    }

    @Test
    void nonDeterministicExpressionsOfAMirroredStatementAreNamed() throws Exception {
        int exit = run("explain", "--config", sameDialect("").toString(),
                "UPDATE orders SET label = ?, touched = now(), token = random() WHERE id = ?");

        assertThat(exit).as(result(exit)).isEqualTo(0);
        assertThat(out().lines()).contains("  non-deterministic expressions: now(), random()");
    }

    @Test
    void jsonGivesOneObjectPerStatement() throws Exception {
        Path config = sameDialect("writes:\n  tables:\n    exclude: [\"audit_*\"]\n");

        int exit = run("explain", "--config", config.toString(), "--json", "INSERT INTO orders (id) VALUES (?)",
                "DELETE FROM audit_log");

        assertThat(exit).as(result(exit)).isEqualTo(0);
        assertThat(out().lines()).containsExactly(
                "{\"sql\":\"INSERT INTO orders (id) VALUES (?)\",\"kind\":\"WRITE\",\"verb\":\"INSERT\","
                        + "\"table\":\"orders\",\"outcome\":\"mirrored\",\"why\":\"writes.tables (include [*] exclude "
                        + "[audit_*]) includes orders\",\"mapping\":null,\"primary-dialect\":\"OTHER\","
                        + "\"secondary-dialect\":\"OTHER\",\"secondary\":{\"same\":true},\"nondeterministic\":[]}",
                "{\"sql\":\"DELETE FROM audit_log\",\"kind\":\"WRITE\",\"verb\":\"DELETE\",\"table\":\"audit_log\","
                        + "\"outcome\":\"skipped\",\"why\":\"writes.tables (include [*] exclude [audit_*]) does not "
                        + "include audit_log\"}");
    }

    @Test
    void statementsAreReadFromAFileEndedBySemicolonsOutsideQuotes(@TempDir Path files) throws Exception {
        Path statements = Files.writeString(files.resolve("statements.sql"),
                "-- what the application sends\nINSERT INTO orders (id, label)\n  VALUES (?, 'a;b');\n"
                        + "SELECT 1;\n");

        int exit = run("explain", "--config", sameDialect("").toString(), "--file", statements.toString());

        assertThat(exit).as(result(exit)).isEqualTo(0);
        assertThat(out().lines()).filteredOn(line -> line.startsWith("statement ")).containsExactly(
                "statement 1: INSERT INTO orders (id, label)", "statement 2: SELECT 1");
        assertThat(out()).contains("  VALUES (?, 'a;b')", "  classification: WRITE (INSERT), table orders");
    }

    @Test
    void aDashReadsStatementsFromStandardInputOnePerLine() throws Exception {
        InputStream stdin = System.in;
        System.setIn(new ByteArrayInputStream("INSERT INTO orders (id) VALUES (?)\nSELECT 1\n"
                .getBytes(StandardCharsets.UTF_8)));
        try {
            int exit = run("explain", "--config", sameDialect("").toString(), "DELETE FROM orders", "-");

            assertThat(exit).as(result(exit)).isEqualTo(0);
        } finally {
            System.setIn(stdin);
        }
        assertThat(out().lines()).filteredOn(line -> line.startsWith("statement ")).containsExactly(
                "statement 1: DELETE FROM orders", "statement 2: INSERT INTO orders (id) VALUES (?)",
                "statement 3: SELECT 1");
    }

    @Test
    void aBrokenConfigurationIsAFailureNamingTheKeyAndLine() throws Exception {
        Path config = sameDialect("writes:\n  mdoe: sync\n");

        int exit = run("explain", "--config", config.toString(), "INSERT INTO orders (id) VALUES (?)");

        assertThat(exit).as(result(exit)).isEqualTo(2);
        assertThat(err()).startsWith("error: invalid configuration: ").contains("writes.mdoe", "line 7");
        assertThat(out()).isEmpty();
    }

    @Test
    void aMissingConfigurationIsAFailureNamingTheFile() {
        Path missing = dir.resolve("nowhere.yaml");

        int exit = run("explain", "--config", missing.toString(), "INSERT INTO orders (id) VALUES (?)");

        assertThat(exit).as(result(exit)).isEqualTo(2);
        assertThat(err()).startsWith("error: invalid configuration: ").contains(missing.toString());
    }

    @Test
    void aMissingFileOfStatementsIsAFailureNamingIt() throws Exception {
        Path missing = dir.resolve("statements.sql");

        int exit = run("explain", "--config", sameDialect("").toString(), "--file", missing.toString());

        assertThat(exit).as(result(exit)).isEqualTo(2);
        assertThat(err()).contains("--file " + missing + " does not exist");
    }

    @Test
    void withoutAnyStatementTheUsageSaysHowToGiveThem() throws Exception {
        int exit = run("explain", "--config", sameDialect("").toString());

        assertThat(exit).as(result(exit)).isEqualTo(2);
        assertThat(err()).contains("Give the statements to explain", "Usage:");
    }
}
