package io.dualwrite.agent.reconcile;

import io.dualwrite.agent.config.TableFilter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * A primary and a secondary in two in-memory H2 databases in PostgreSQL mode (the secondary is written to, and
 * H2 writes only in that mode), each with names folded to lower case as PostgreSQL folds them.
 */
public final class ReconcileFixture {

    /** A value of a non-key column: it must never appear in what the commands show. */
    static final String SECRET = "S3cret-value-never-shown";

    final String primaryUrl;
    final String secondaryUrl;
    final Database primary;
    final Database secondary;

    ReconcileFixture() {
        String id = UUID.randomUUID().toString().replace("-", "");
        primaryUrl = url("dw_rc_p_" + id);
        secondaryUrl = url("dw_rc_s_" + id);
        primary = new Database("primary", new org.h2.Driver(), primaryUrl, primaryUrl, new Properties());
        secondary = new Database("secondary", new org.h2.Driver(), secondaryUrl, secondaryUrl, new Properties());
    }

    static String url(String name) {
        return "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    }

    void both(String... statements) throws SQLException {
        primary(statements);
        secondary(statements);
    }

    void primary(String... statements) throws SQLException {
        execute(primary, statements);
    }

    void secondary(String... statements) throws SQLException {
        execute(secondary, statements);
    }

    private static void execute(Database database, String... statements) throws SQLException {
        try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Each row of the query, its columns as text joined with {@code |}. */
    static List<String> rows(Database database, String query) throws SQLException {
        try (Connection connection = database.open()) {
            return rows(connection, query);
        }
    }

    /** Each row of the query, its columns as text joined with {@code |}. */
    public static List<String> rows(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(query)) {
            List<String> rows = new ArrayList<>();
            int count = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= count; i++) {
                    row.append(i == 1 ? "" : "|").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        }
    }

    List<ReconcileTable> tables(List<String> named, List<String> ignoredColumns) throws SQLException {
        return new TableSelection(named, TableFilter.all(), ignoredColumns).resolve(primary, secondary);
    }

    ReconcileTable table(String name, String... ignoredColumns) throws SQLException {
        return tables(List.of(name), List.of(ignoredColumns)).get(0);
    }
}
