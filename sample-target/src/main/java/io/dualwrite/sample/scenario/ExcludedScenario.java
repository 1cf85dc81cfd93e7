package io.dualwrite.sample.scenario;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Ids 1-5 into {@code audit_log} (a table the tests exclude from mirroring) and 300001-300005 into items. */
final class ExcludedScenario implements Scenario {

    @Override
    public void run(ScenarioContext context) throws SQLException {
        try (Connection connection = context.connect();
                PreparedStatement audit = connection.prepareStatement(
                        "INSERT INTO audit_log (id, message) VALUES (?, ?)");
                PreparedStatement item = connection.prepareStatement(
                        "INSERT INTO items (id, name, qty) VALUES (?, ?, ?)")) {
            for (int n = 1; n <= 5; n++) {
                audit.setLong(1, n);
                audit.setString(2, "audit " + n);
                audit.executeUpdate();
                item.setLong(1, 300_000 + n);
                item.setString(2, "excluded scenario item " + n);
                item.setInt(3, n);
                item.executeUpdate();
            }
        }
    }
}
