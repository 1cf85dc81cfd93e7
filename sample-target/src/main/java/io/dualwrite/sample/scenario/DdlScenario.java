package io.dualwrite.sample.scenario;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates {@code ddl_rows} and inserts ids 1-3 into it; the caller drops the table afterwards. */
final class DdlScenario implements Scenario {

    @Override
    public void run(ScenarioContext context) throws SQLException {
        try (Connection connection = context.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE ddl_rows (id BIGINT PRIMARY KEY, label VARCHAR(100))");
            for (int id = 1; id <= 3; id++) {
                statement.executeUpdate("INSERT INTO ddl_rows (id, label) VALUES (" + id + ", 'ddl row " + id + "')");
            }
        }
    }
}
