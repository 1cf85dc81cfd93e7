package io.dualwrite.agent.cli;

import io.dualwrite.agent.reconcile.ReconcileFixture;

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
import java.util.List;
import java.util.UUID;

/**
 * A configuration whose primary.url and secondary.url are two in-memory H2 databases in PostgreSQL mode (found by
 * their driver on the test class path), with a table {@code items} of 20 rows on both sides and a table
 * {@code orders} of 5, and running verify, repair and backfill against them.
 */
final class ReconcileCliFixture {

    static final String PRIMARY_PASSWORD = "Prim-Pa55word-never-shown";
    static final String SECONDARY_PASSWORD = "Sec-Pa55word-never-shown";
    /** In a non-key column of every row: never to be shown. */
    static final String SECRET = "Row-S3cret-never-shown";
    static final String USER = "sa";
    static final int ITEMS = 20;

    final Path dir;
    final Path config;
    final Path journalDir;
    final String primaryUrl;
    final String secondaryUrl;

    ReconcileCliFixture(Path dir) throws IOException, SQLException {
        this.dir = dir;
        String id = UUID.randomUUID().toString().replace("-", "");
        this.primaryUrl = "jdbc:h2:mem:dw_rcli_p_" + id + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        this.secondaryUrl = "jdbc:h2:mem:dw_rcli_s_" + id + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        this.journalDir = dir.resolve("journal");
        this.config = Files.writeString(dir.resolve("dualwrite.yaml"), "primary:\n"
                + "  url-pattern: \"jdbc:h2:mem:app*\"\n"
                + "  url: \"" + primaryUrl + "\"\n  user: " + USER + "\n  password: \"" + PRIMARY_PASSWORD + "\"\n"
                + "secondary:\n"
                + "  url: \"" + secondaryUrl + "\"\n  user: " + USER + "\n  password: \"" + SECONDARY_PASSWORD + "\"\n"
                + "  connect-timeout-ms: 2000\n  statement-timeout-ms: 2000\n"
                + "journal:\n  dir: journal\n  fsync: never\n");
        both("CREATE TABLE items (id BIGINT PRIMARY KEY, label VARCHAR(50), secret VARCHAR(50), amount INT)",
                "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer VARCHAR(50))");
        for (int i = 1; i <= ITEMS; i++) {
            both(item(i));
        }
        for (int i = 1; i <= 5; i++) {
            both("INSERT INTO orders VALUES (" + i + ", '" + SECRET + "')");
        }
    }

    static String item(int id) {
        return "INSERT INTO items VALUES (" + id + ", 'label-" + id + "', '" + SECRET + "', " + id + ")";
    }

    /** The secondary lacks items 3 and 9, has an item 21 the primary does not, and differs in items 5 and 7. */
    void seedDifferences() throws SQLException {
        secondary("DELETE FROM items WHERE id IN (3, 9)", item(21),
                "UPDATE items SET label = 'changed' WHERE id = 5",
                "UPDATE items SET amount = 700 WHERE id = 7");
    }

    void both(String... statements) throws SQLException {
        primary(statements);
        secondary(statements);
    }

    void primary(String... statements) throws SQLException {
        execute(primaryUrl, PRIMARY_PASSWORD, statements);
    }

    void secondary(String... statements) throws SQLException {
        execute(secondaryUrl, SECONDARY_PASSWORD, statements);
    }

    private static void execute(String url, String password, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, USER, password);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    List<String> primaryRows(String query) throws SQLException {
        return rows(primaryUrl, PRIMARY_PASSWORD, query);
    }

    List<String> secondaryRows(String query) throws SQLException {
        return rows(secondaryUrl, SECONDARY_PASSWORD, query);
    }

    private static List<String> rows(String url, String password, String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, USER, password)) {
            return ReconcileFixture.rows(connection, query);
        }
    }

    /** {@code command --config FILE options...} */
    CliFixture.Run run(String command, String... options) {
        String[] args = new String[options.length + 3];
        args[0] = command;
        args[1] = "--config";
        args[2] = config.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        return runArgs(args);
    }

    static CliFixture.Run runArgs(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AgentCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliFixture.Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
