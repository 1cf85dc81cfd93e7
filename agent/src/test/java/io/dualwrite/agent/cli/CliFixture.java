package io.dualwrite.agent.cli;

import io.dualwrite.agent.capture.Parameter;
import io.dualwrite.agent.capture.Setter;
import io.dualwrite.agent.codec.UnappliedWrites;
import io.dualwrite.agent.codec.WriteCodec;
import io.dualwrite.agent.journal.FsyncMode;
import io.dualwrite.agent.journal.Journal;
import io.dualwrite.agent.journal.JournalOptions;
import io.dualwrite.agent.write.MirroredWrite;
import io.dualwrite.agent.write.PreparedWrite;
import io.dualwrite.agent.write.StatementWrite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A configuration file in a temporary directory whose journal the test fills with records, a secondary in an
 * in-memory H2 database, and running the command line against them.
 */
final class CliFixture {

    /** The secondary's password: in the configuration, and never in any output. */
    static final String SECRET = "Cli-S3cret-never-shown";
    static final String USER = "sa";

    final Path dir;
    final Path config;
    final Path journalDir;
    final String secondaryUrl;

    private CliFixture(Path dir, String secondaryUrl) throws IOException {
        this.dir = dir;
        this.secondaryUrl = secondaryUrl;
        this.journalDir = dir.resolve("journal");
        this.config = Files.writeString(dir.resolve("dualwrite.yaml"), "primary:\n  url-pattern: \"jdbc:h2:mem:app*\"\n"
                + "secondary:\n  url: \"" + secondaryUrl + "\"\n  user: " + USER + "\n  password: \"" + SECRET + "\"\n"
                + "  connect-timeout-ms: 2000\n  statement-timeout-ms: 2000\n"
                + "journal:\n  dir: journal\n  fsync: never\n");
    }

    /** A secondary that exists, with a table {@code orders (id, label)} and a table {@code customers (id, name)}. */
    static CliFixture withSecondary(Path dir) throws IOException, SQLException {
        CliFixture fixture = new CliFixture(dir, "jdbc:h2:mem:dw_cli_" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1");
        fixture.sql("CREATE TABLE orders (id BIGINT PRIMARY KEY, label VARCHAR(100))",
                "CREATE TABLE customers (id BIGINT PRIMARY KEY, name VARCHAR(100))");
        return fixture;
    }

    static CliFixture withSecondaryUrl(Path dir, String url) throws IOException {
        return new CliFixture(dir, url);
    }

    Journal openJournal() throws IOException {
        return Journal.open(journalDir, JournalOptions.defaults().withFsync(FsyncMode.NEVER));
    }

    /** Appends one record per unit, in order. */
    void journal(UnappliedWrites... units) throws Exception {
        try (Journal journal = openJournal()) {
            for (UnappliedWrites unit : units) {
                journal.append(WriteCodec.encode(unit));
            }
        }
    }

    static UnappliedWrites unit(MirroredWrite... writes) {
        return new UnappliedWrites("connection-1", "SQLTransientConnectionException SQLState 08001", List.of(writes));
    }

    static UnappliedWrites unitFailedWith(String failure, MirroredWrite... writes) {
        return new UnappliedWrites("connection-2", failure, List.of(writes));
    }

    static MirroredWrite insertOrder(long id, String label) {
        return new PreparedWrite("INSERT INTO orders (id, label) VALUES (?, ?)", "INSERT orders",
                List.<Parameter[]>of(row(id, label)), false);
    }

    static MirroredWrite insertOrders(Object[]... rows) {
        Parameter[][] bound = new Parameter[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            bound[i] = row((Long) rows[i][0], (String) rows[i][1]);
        }
        return new PreparedWrite("INSERT INTO orders (id, label) VALUES (?, ?)", "INSERT orders", Arrays.asList(bound),
                true);
    }

    static MirroredWrite statement(String sql) {
        return new StatementWrite(List.of(sql), "statement", false);
    }

    private static Parameter[] row(long id, String label) {
        return new Parameter[] {
            Parameter.restore(Setter.forKey("setLong(IJ)V"), new Object[] {1, id}),
            Parameter.restore(Setter.forKey("setString(ILjava/lang/String;)V"), new Object[] {2, label}),
        };
    }

    void sql(String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(secondaryUrl, USER, SECRET);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    long count(String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(secondaryUrl, USER, SECRET);
                Statement statement = connection.createStatement();
                java.sql.ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    String label(long id) throws SQLException {
        try (Connection connection = DriverManager.getConnection(secondaryUrl, USER, SECRET);
                Statement statement = connection.createStatement();
                java.sql.ResultSet rows = statement.executeQuery("SELECT label FROM orders WHERE id = " + id)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AgentCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** What one run of the command line did. */
    static final class Run {
        final int exit;
        final String out;
        final String err;

        Run(int exit, String out, String err) {
            this.exit = exit;
            this.out = out;
            this.err = err;
        }

        List<String> outLines() {
            return out.isEmpty() ? List.of() : Arrays.asList(out.split("\\R"));
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
        }
    }
}
