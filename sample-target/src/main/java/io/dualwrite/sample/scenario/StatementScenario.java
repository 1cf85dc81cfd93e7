package io.dualwrite.sample.scenario;

import io.dualwrite.sample.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Plain {@link Statement} writes into {@code items} (ids 101 to 118) through every execute method, in the
 * spellings applications use, plus reads and session statements that are not writes.
 *
 * <p>End state: ids 101-103 and 105-115 on every database (104 is inserted, then deleted); 101-105 got
 * qty + 100 and the Unicode note. PostgreSQL 15+ and H2: MERGE renamed 103 ('merged', qty 3) and inserted
 * 118. PostgreSQL: WITH … INSERT inserted 116 (H2 2.3 and MariaDB do not accept that form). MariaDB:
 * REPLACE replaced 102 (only id, name and qty set) and inserted 117.
 */
final class StatementScenario implements Scenario {

    /** Already escaped for a SQL string literal. */
    private static final String UNICODE_NOTE_LITERAL = "O''Brien said \"hi\" – Grüße 👋 你好";

    @Override
    public void run(ScenarioContext context) throws SQLException {
        try (Connection connection = context.connect(); Statement statement = connection.createStatement()) {
            Dialect dialect = Dialect.of(connection);
            executeVariants(statement);
            executeUpdateVariants(statement);
            executeLargeUpdateVariants(statement);
            unusualSpellings(statement, dialect);
            updateAndDelete(statement);
            dialectSpecificWrites(statement, dialect, connection.getMetaData().getDatabaseMajorVersion());
            readsAndSessionStatements(statement, dialect);
        }
    }

    private static void executeVariants(Statement statement) throws SQLException {
        statement.execute(insert(101, "execute(String)"));
        statement.execute(insert(102, "execute(String,int)"), Statement.RETURN_GENERATED_KEYS);
        Fallback.call("execute(String,int[])", () -> statement.execute(insert(103, "execute(String,int[])"),
                        new int[] {1}),
                "executeUpdate(String)", () -> statement.executeUpdate(insert(103, "execute(String,int[])")) > 0);
        statement.execute(insert(104, "execute(String,String[])"), new String[] {"id"});
    }

    private static void executeUpdateVariants(Statement statement) throws SQLException {
        statement.executeUpdate(insert(105, "executeUpdate(String)"));
        statement.executeUpdate(insert(106, "executeUpdate(String,int)"), Statement.NO_GENERATED_KEYS);
        Fallback.call("executeUpdate(String,int[])",
                () -> statement.executeUpdate(insert(107, "executeUpdate(String,int[])"), new int[] {1}),
                "executeUpdate(String)", () -> statement.executeUpdate(insert(107, "executeUpdate(String,int[])")));
        statement.executeUpdate(insert(108, "executeUpdate(String,String[])"), new String[] {"id"});
    }

    private static void executeLargeUpdateVariants(Statement statement) throws SQLException {
        String plain = insert(109, "executeLargeUpdate(String)");
        Fallback.call("executeLargeUpdate(String)", () -> statement.executeLargeUpdate(plain),
                "executeUpdate(String)", () -> (long) statement.executeUpdate(plain));
        String withKeysFlag = insert(110, "executeLargeUpdate(String,int)");
        Fallback.call("executeLargeUpdate(String,int)",
                () -> statement.executeLargeUpdate(withKeysFlag, Statement.RETURN_GENERATED_KEYS),
                "executeUpdate(String)", () -> (long) statement.executeUpdate(withKeysFlag));
        String withIndexes = insert(111, "executeLargeUpdate(String,int[])");
        Fallback.call("executeLargeUpdate(String,int[])",
                () -> statement.executeLargeUpdate(withIndexes, new int[] {1}),
                "executeUpdate(String)", () -> (long) statement.executeUpdate(withIndexes));
        String withNames = insert(112, "executeLargeUpdate(String,String[])");
        Fallback.call("executeLargeUpdate(String,String[])",
                () -> statement.executeLargeUpdate(withNames, new String[] {"id"}),
                "executeUpdate(String)", () -> (long) statement.executeUpdate(withNames));
    }

    private static void unusualSpellings(Statement statement, Dialect dialect) throws SQLException {
        statement.executeUpdate("insert into items (id, name, qty) values (113, 'lower case', 13)");
        statement.executeUpdate("/* leading block comment */ INSERT INTO items (id, name, qty)"
                + " VALUES (114, 'after block comment', 14)");
        statement.executeUpdate("-- leading line comment\nINSERT INTO items (id, name, qty)"
                + " VALUES (115, 'after line comment', 15)");
        if (dialect != Dialect.POSTGRESQL) {
            System.out.println("statement: WITH ... INSERT skipped, " + dialect.displayName() + " does not accept it");
        } else {
            statement.executeUpdate("WITH src AS (SELECT 116 AS id, 'with insert' AS name)"
                    + " INSERT INTO items (id, name, qty) SELECT id, name, 16 FROM src");
        }
    }

    private static void updateAndDelete(Statement statement) throws SQLException {
        statement.executeUpdate("UPDATE items SET qty = qty + 100, note = '" + UNICODE_NOTE_LITERAL + "'"
                + " WHERE id BETWEEN 101 AND 105");
        statement.executeUpdate("DELETE FROM items WHERE id = 104");
    }

    private static void dialectSpecificWrites(Statement statement, Dialect dialect, int majorVersion)
            throws SQLException {
        switch (dialect) {
            case MARIADB:
                statement.executeUpdate("REPLACE INTO items (id, name, qty) VALUES (102, 'replaced', 2)");
                statement.executeUpdate("REPLACE INTO items (id, name, qty) VALUES (117, 'replace inserted', 17)");
                System.out.println("statement: MERGE skipped on MariaDB");
                break;
            case H2:
                statement.executeUpdate("MERGE INTO items (id, name, qty) KEY(id) VALUES (103, 'merged', 3)");
                statement.executeUpdate("MERGE INTO items (id, name, qty) KEY(id) VALUES (118, 'merge inserted', 18)");
                System.out.println("statement: REPLACE INTO skipped on H2");
                break;
            case POSTGRESQL:
                if (majorVersion < 15) {
                    System.out.println("statement: MERGE skipped, PostgreSQL " + majorVersion + " is older than 15");
                } else {
                    statement.executeUpdate(merge(103, "merged", 3));
                    statement.executeUpdate(merge(118, "merge inserted", 18));
                }
                System.out.println("statement: REPLACE INTO skipped on PostgreSQL");
                break;
            default:
                throw new IllegalArgumentException("unhandled " + dialect);
        }
    }

    private static void readsAndSessionStatements(Statement statement, Dialect dialect) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM items")) {
            rows.next();
            System.out.println("statement: items now holds " + rows.getLong(1) + " rows");
        }
        statement.execute("select name from items where id = 101");
        statement.execute("WITH recent AS (SELECT id FROM items WHERE id > 110) SELECT COUNT(*) FROM recent");
        switch (dialect) {
            case POSTGRESQL:
                statement.execute("SET application_name = 'dualwrite-sample'");
                break;
            case MARIADB:
                statement.execute("SET @x = 1");
                statement.execute("SHOW TABLES");
                break;
            case H2:
                statement.execute("SET @x = 1");
                break;
            default:
                throw new IllegalArgumentException("unhandled " + dialect);
        }
    }

    /** A full row whose values all derive from {@code id}. */
    private static String insert(long id, String name) {
        return "INSERT INTO items (id, name, qty, price, active, created_at, note) VALUES (" + id + ", '" + name
                + "', " + (id - 100) + ", " + id + ".2500, " + (id % 2 == 0 ? "TRUE" : "FALSE") + ", TIMESTAMP '"
                + String.format("2024-01-%02d 03:04:%02d.123456", 1 + id % 28, id % 60) + "', 'it''s row " + id
                + "')";
    }

    private static String merge(long id, String name, int qty) {
        return "MERGE INTO items t USING (SELECT " + id + " AS id, '" + name + "' AS name, " + qty + " AS qty) s"
                + " ON t.id = s.id WHEN MATCHED THEN UPDATE SET name = s.name, qty = s.qty"
                + " WHEN NOT MATCHED THEN INSERT (id, name, qty) VALUES (s.id, s.name, s.qty)";
    }
}
