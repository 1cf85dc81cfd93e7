package io.dualwrite.sample.scenario;

import io.dualwrite.sample.Dialect;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Creates the procedure {@code add_item(id, name)} (inserting an item with qty 1) on the primary, then calls
 * it: ids 400001 and 400002 through {@code {call add_item(?, ?)}}, 400003 through a plain CALL statement.
 */
public final class ProcedureScenario implements Scenario {

    @Override
    public void run(ScenarioContext context) throws SQLException {
        // pgjdbc turns {call ...} into SELECT by default, which PostgreSQL refuses for a procedure.
        Properties driverProperties = new Properties();
        if (context.url().startsWith("jdbc:postgresql:")) {
            driverProperties.setProperty("escapeSyntaxCallMode", "callIfNoReturn");
        }
        try (Connection connection = context.connect(driverProperties)) {
            createProcedure(connection);
            try (CallableStatement call = connection.prepareCall("{call add_item(?, ?)}")) {
                for (long id = 400_001; id <= 400_002; id++) {
                    call.setLong(1, id);
                    call.setString(2, "added by procedure " + id);
                    call.execute();
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CALL add_item(400003, 'added by CALL statement')");
            }
        }
    }

    /** Public so that a test can create the same procedure on the secondary. */
    public static void createProcedure(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            switch (Dialect.of(connection)) {
                case POSTGRESQL:
                    statement.execute("CREATE OR REPLACE PROCEDURE add_item(p_id BIGINT, p_name VARCHAR)"
                            + " LANGUAGE SQL AS $$ INSERT INTO items (id, name, qty) VALUES (p_id, p_name, 1) $$");
                    break;
                case MARIADB:
                    statement.execute("CREATE OR REPLACE PROCEDURE add_item(IN p_id BIGINT, IN p_name VARCHAR(200))"
                            + " INSERT INTO items (id, name, qty) VALUES (p_id, p_name, 1)");
                    break;
                case H2:
                    statement.execute("DROP ALIAS IF EXISTS add_item");
                    statement.execute("CREATE ALIAS add_item FOR '" + ProcedureScenario.class.getName() + ".addItem'");
                    break;
                default:
                    throw new IllegalArgumentException("no procedure for this database");
            }
        }
    }

    /** The body of H2's {@code add_item}; H2 passes the calling session's connection first. */
    public static void addItem(Connection connection, long id, String name) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO items (id, name, qty) VALUES (?, ?, 1)")) {
            insert.setLong(1, id);
            insert.setString(2, name);
            insert.executeUpdate();
        }
    }
}
