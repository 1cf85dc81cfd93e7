package io.dualwrite.sample.load;

import io.dualwrite.sample.Args;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The generator end to end on two H2 databases in memory (the integration tests run it on PostgreSQL and MariaDB,
 * with and without the agent).
 */
class LoadGeneratorTest {

    private static final String PRIMARY = "jdbc:h2:mem:load_primary;DB_CLOSE_DELAY=-1";
    private static final String SECONDARY = "jdbc:h2:mem:load_secondary;DB_CLOSE_DELAY=-1";

    @Test
    void handWrittenDualWriteReportsEveryKindAndLeavesBothSidesEqual(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("report.json");
        String printed = run("load", "--url", PRIMARY, "--threads", "2", "--duration", "1", "--warmup", "0",
                "--rows", "300", "--batch", "3", "--hand-written-dual-write", "--secondary-url", SECONDARY,
                "--json", json.toString());

        assertThat(printed).contains("load: hand-written-dual-write, primary H2, secondary H2, 2 threads")
                .containsPattern("\\ninsert +\\d+").containsPattern("\\nall +\\d+").contains("heap: max used");
        String report = new String(Files.readAllBytes(json), StandardCharsets.UTF_8);
        assertThat(report).contains("\"mode\": \"hand-written-dual-write\"", "\"errors\": 0", "\"p999\": ",
                "\"usedAfterGcBytes\": ", "\"select\": {", "\"rate\": 0,", "\"replicationLagMillis\": null")
                .doesNotContain("password");
        assertThat(rows(SECONDARY)).isEqualTo(rows(PRIMARY)).isNotEmpty();
    }

    @Test
    void aRateCapsTheOperationsOfAllThreadsTogether(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("report.json");
        String printed = run("load", "--url", PRIMARY, "--threads", "2", "--duration", "1", "--warmup", "0",
                "--rows", "100", "--rate", "40", "--json", json.toString());

        assertThat(printed).contains("100 initial rows, rate 40/s, warm-up 0 s");
        String report = new String(Files.readAllBytes(json), StandardCharsets.UTF_8);
        long operations = field(report, "operations");
        double seconds = field(report, "measuredMillis") / 1000.0;
        // each thread may start one operation early after a slow one, and one more is under way at the stop
        assertThat(operations).as(report).isPositive().isLessThanOrEqualTo((long) (40 * seconds) + 2 * 2);
    }

    @Test
    void setupOnlyFillsTheTableAndRunsNothing() throws Exception {
        String printed = run("load", "--url", PRIMARY, "--threads", "3", "--rows", "10", "--setup-only");

        assertThat(printed).isEqualTo("load: bench_orders holds 10 rows on the primary (H2)\n");
        assertThat(rows(PRIMARY)).hasSize(10);
    }

    @Test
    void secondaryOptionsWithoutHandWrittenModeAreRejected() {
        assertThatThrownBy(() -> LoadOptions.of(Args.parse(new String[] {"load", "--url", PRIMARY,
                "--secondary-url", SECONDARY})))
                .isInstanceOf(Args.UsageException.class)
                .hasMessageStartingWith("--secondary-url is only for --hand-written-dual-write");
        assertThatThrownBy(() -> LoadOptions.of(Args.parse(new String[] {"load", "--url", PRIMARY,
                "--hand-written-dual-write"})))
                .isInstanceOf(Args.UsageException.class)
                .hasMessage("--hand-written-dual-write needs --secondary-url");
    }

    private static String run(String... argv) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8.name()));
        try {
            assertThat(LoadGenerator.run(LoadOptions.of(Args.parse(argv)))).isZero();
        } finally {
            System.setOut(original);
        }
        String printed = captured.toString(StandardCharsets.UTF_8.name()).replace("\r\n", "\n");
        original.print(printed);
        return printed;
    }

    /** The first whole-number field of that name in the report: the run's own, before the kinds'. */
    private static long field(String report, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\": (\\d+)").matcher(report);
        assertThat(matcher.find()).as("%s in %s", name, report).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    /** Every row of bench_orders, ordered by id, as text. */
    private static List<String> rows(String url) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM " + OrdersTable.NAME + " ORDER BY id")) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
                    row.append(rs.getString(col)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
