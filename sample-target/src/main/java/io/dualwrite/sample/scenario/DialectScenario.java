package io.dualwrite.sample.scenario;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes in the primary's own dialect (PostgreSQL or MariaDB, told from the URL) every construct the agent
 * translates for a secondary of the other dialect, through plain and prepared statements: quoted names, strings
 * with backslashes and quotes, upserts that hit existing rows, RETURNING, casts, boolean literals, a row of
 * defaults, WITH ... INSERT and MariaDB's INSERT ... SET. Then one write the agent refuses to translate: id {@value #REFUSED_ID}, which only
 * the primary gets.
 *
 * <p>End state of {@code dialect_rows}: ids 1, 2, 5 (deleted, then inserted again), 6, 10-12, 14 and 15 (13 is
 * inserted, then deleted), and 9 on the primary only; {@code dialect_defaults}: ids 1 and 2, all defaults.
 */
public final class DialectScenario implements Scenario {

    /** The row of the write the agent cannot translate. */
    public static final long REFUSED_ID = 9;
    /** Text with a backslash and a quote: each dialect writes it differently. */
    public static final String AWKWARD_TEXT = "C:\\dir\\file it's";

    @Override
    public void run(ScenarioContext context) throws SQLException {
        boolean postgresql = context.url().startsWith("jdbc:postgresql:");
        try (Connection connection = context.connect()) {
            createTables(connection, postgresql);
            try (Statement statement = connection.createStatement()) {
                if (postgresql) {
                    postgresqlStatements(statement);
                } else {
                    mariadbStatements(statement);
                }
            }
            if (postgresql) {
                postgresqlPrepared(connection);
            } else {
                mariadbPrepared(connection);
            }
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate(postgresql
                        ? "INSERT INTO dialect_rows (id, name, qty) VALUES (" + REFUSED_ID + ", 'refused', 9)"
                                + " ON CONFLICT ON CONSTRAINT dialect_rows_pkey DO NOTHING"
                        : "INSERT INTO dialect_rows (id, name, qty) VALUES (" + REFUSED_ID + ", 'refused', 9)"
                                + " ON DUPLICATE KEY UPDATE qty = qty + 1, name = qty");
            }
        }
        System.out.println("dialect: done");
    }

    /** Drops and creates the scenario's tables in the connected database's dialect; public for the secondary. */
    public static void createTables(Connection connection, boolean postgresql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS dialect_rows");
            statement.execute("DROP TABLE IF EXISTS dialect_defaults");
            statement.execute("CREATE TABLE dialect_rows (id BIGINT PRIMARY KEY, name VARCHAR(100), note VARCHAR(200),"
                    + " qty INT, amount NUMERIC(10,2), flag BOOLEAN, day DATE)");
            statement.execute(postgresql
                    ? "CREATE TABLE dialect_defaults (id SERIAL PRIMARY KEY, name VARCHAR(50) DEFAULT 'none',"
                            + " qty INT DEFAULT 7)"
                    : "CREATE TABLE dialect_defaults (id INT AUTO_INCREMENT PRIMARY KEY,"
                            + " name VARCHAR(50) DEFAULT 'none', qty INT DEFAULT 7)");
        }
    }

    private static void postgresqlStatements(Statement statement) throws SQLException {
        statement.executeUpdate("INSERT INTO \"dialect_rows\" (\"id\", \"name\", \"note\", \"qty\")"
                + " VALUES (1, 'plain', 'C:\\dir\\file it''s', 1)");
        statement.executeUpdate("INSERT INTO dialect_rows (id, name, note, qty) VALUES (2, E'tab\\there', "
                + "$$dollar's$$, 2)");
        statement.executeUpdate("INSERT INTO dialect_rows (id, name, qty) VALUES (1, 'upserted', 10)"
                + " ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, qty = dialect_rows.qty + EXCLUDED.qty");
        statement.executeUpdate("INSERT INTO dialect_rows (id, name, qty) VALUES (2, 'ignored', 0) ON CONFLICT "
                + "DO NOTHING");
        statement.executeUpdate("INSERT INTO dialect_defaults DEFAULT VALUES");
        statement.executeUpdate("WITH src AS (SELECT 5 AS id, 'with' AS name)"
                + " INSERT INTO dialect_rows (id, name, qty) SELECT id, name, 5 FROM src");
        statement.executeUpdate("UPDATE dialect_rows SET qty = '7'::int, amount = 12.5::numeric(10,2),"
                + " flag = 'yes'::boolean, day = '2024-02-29'::date WHERE id = 5");
        statement.executeUpdate("UPDATE dialect_rows SET flag = TRUE WHERE id = 1");
        statement.executeUpdate("UPDATE dialect_rows SET flag = FALSE WHERE id = 2");
        try (ResultSet returned = statement.executeQuery(
                "INSERT INTO dialect_rows (id, name, qty) VALUES (6, 'returning', 6) RETURNING id")) {
            returned.next();
        }
        statement.execute("DELETE FROM dialect_rows WHERE id = 5 RETURNING id");
        statement.executeUpdate("INSERT INTO dialect_rows (id, name, qty) VALUES (5, 'again', 5) -- a comment ?\n");
    }

    private static void mariadbStatements(Statement statement) throws SQLException {
        statement.executeUpdate("INSERT INTO `dialect_rows` (`id`, `name`, `note`, `qty`)"
                + " VALUES (1, 'plain', 'C:\\\\dir\\\\file it\\'s', 1)");
        statement.executeUpdate("INSERT INTO dialect_rows (id, name, note, qty) VALUES (2, 'tab\\there', "
                + "\"dollar's\", 2)");
        statement.executeUpdate("INSERT INTO dialect_rows (id, name, qty) VALUES (1, 'upserted', 10)"
                + " ON DUPLICATE KEY UPDATE name = VALUES(name), qty = qty + VALUES(qty)");
        statement.executeUpdate("INSERT IGNORE INTO dialect_rows (id, name, qty) VALUES (2, 'ignored', 0)");
        statement.executeUpdate("INSERT INTO dialect_defaults () VALUES ()");
        statement.executeUpdate("INSERT INTO dialect_rows (id, name, qty)"
                + " WITH src AS (SELECT 5 AS id, 'with' AS name) SELECT id, name, 5 FROM src");
        statement.executeUpdate("UPDATE dialect_rows SET qty = CAST('7' AS SIGNED),"
                + " amount = CAST('12.5' AS DECIMAL(10,2)), flag = TRUE, day = CAST('2024-02-29' AS DATE)"
                + " WHERE id = 5");
        statement.executeUpdate("UPDATE `dialect_rows` SET flag = TRUE WHERE id = 1 # a comment ?");
        statement.executeUpdate("UPDATE dialect_rows SET flag = FALSE WHERE id = 2");
        try (ResultSet returned = statement.executeQuery(
                "INSERT INTO dialect_rows (id, name, qty) VALUES (6, 'returning', 6) RETURNING id")) {
            returned.next();
        }
        statement.execute("DELETE FROM dialect_rows WHERE id = 5 RETURNING id");
        statement.executeUpdate("INSERT INTO dialect_rows SET id = 5, name = 'again', qty = 5");
    }

    private static void postgresqlPrepared(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO \"dialect_rows\" (\"id\", \"name\", \"note\", \"qty\") VALUES (?, ?, 'a\\b', ?::int)")) {
            for (long id = 10; id <= 11; id++) {
                insert.setLong(1, id);
                insert.setString(2, AWKWARD_TEXT);
                insert.setString(3, String.valueOf(id));
                insert.executeUpdate();
            }
        }
        upsertPrepared(connection, "INSERT INTO dialect_rows (id, name, qty) VALUES (?, ?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, qty = EXCLUDED.qty");
        ignorePrepared(connection, "INSERT INTO dialect_rows (id, name, qty) VALUES (?, ?, ?) ON CONFLICT (id) "
                + "DO NOTHING");
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE dialect_rows SET flag = ?::boolean, amount = ?::numeric(10,2) WHERE id = ?")) {
            update.setBoolean(1, true);
            update.setBigDecimal(2, new BigDecimal("3.25"));
            update.setLong(3, 10);
            update.executeUpdate();
        }
        returningPrepared(connection);
        try (PreparedStatement defaults = connection.prepareStatement("INSERT INTO dialect_defaults DEFAULT VALUES")) {
            defaults.executeUpdate();
        }
        withInsertPrepared(connection, "WITH src AS (SELECT CAST(? AS BIGINT) AS id)"
                + " INSERT INTO dialect_rows (id, name, qty) SELECT id, ?, 14 FROM src");
    }

    private static void mariadbPrepared(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO `dialect_rows` (`id`, `name`, `note`, `qty`)"
                        + " VALUES (?, ?, 'a\\\\b', CAST(? AS SIGNED))")) {
            for (long id = 10; id <= 11; id++) {
                insert.setLong(1, id);
                insert.setString(2, AWKWARD_TEXT);
                insert.setString(3, String.valueOf(id));
                insert.executeUpdate();
            }
        }
        upsertPrepared(connection, "INSERT INTO dialect_rows (id, name, qty) VALUES (?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE name = VALUES(name), qty = VALUES(qty)");
        ignorePrepared(connection, "INSERT IGNORE INTO dialect_rows (id, name, qty) VALUES (?, ?, ?)");
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE dialect_rows SET flag = ?, amount = CAST(? AS DECIMAL(10,2)) WHERE id = ?")) {
            update.setBoolean(1, true);
            update.setBigDecimal(2, new BigDecimal("3.25"));
            update.setLong(3, 10);
            update.executeUpdate();
        }
        returningPrepared(connection);
        try (PreparedStatement defaults = connection.prepareStatement("INSERT INTO dialect_defaults () VALUES ()")) {
            defaults.executeUpdate();
        }
        withInsertPrepared(connection, "INSERT INTO dialect_rows (id, name, qty)"
                + " WITH src AS (SELECT CAST(? AS SIGNED) AS id) SELECT id, ?, 14 FROM src");
    }

    /** Hits row 10 (updated) and inserts row 12. */
    private static void upsertPrepared(Connection connection, String sql) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(sql)) {
            upsert.setLong(1, 10);
            upsert.setString(2, "upserted " + AWKWARD_TEXT);
            upsert.setInt(3, 100);
            upsert.executeUpdate();
            upsert.setLong(1, 12);
            upsert.setString(2, "upserted new");
            upsert.setInt(3, 12);
            upsert.executeUpdate();
        }
    }

    /** Hits row 11 (left as it is) and inserts row 13. */
    private static void ignorePrepared(Connection connection, String sql) throws SQLException {
        try (PreparedStatement ignore = connection.prepareStatement(sql)) {
            ignore.setLong(1, 11);
            ignore.setString(2, "not written");
            ignore.setInt(3, 0);
            ignore.executeUpdate();
            ignore.setLong(1, 13);
            ignore.setString(2, "ignore inserted");
            ignore.setInt(3, 13);
            ignore.executeUpdate();
        }
    }

    /** Inserts row 15 and deletes row 13, each through a RETURNING read with executeQuery. */
    private static void returningPrepared(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO dialect_rows (id, name, qty) VALUES (?, ?, ?) RETURNING id, name")) {
            insert.setLong(1, 15);
            insert.setString(2, "returned");
            insert.setInt(3, 15);
            try (ResultSet returned = insert.executeQuery()) {
                returned.next();
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM dialect_rows WHERE id = ? "
                + "RETURNING id")) {
            delete.setLong(1, 13);
            try (ResultSet returned = delete.executeQuery()) {
                returned.next();
            }
        }
    }

    private static void withInsertPrepared(Connection connection, String sql) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setLong(1, 14);
            insert.setString(2, "with " + AWKWARD_TEXT);
            insert.executeUpdate();
        }
    }
}
