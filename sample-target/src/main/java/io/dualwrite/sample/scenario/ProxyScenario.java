package io.dualwrite.sample.scenario;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@link PoolRowsWorkload} on one thread (thread_no 0, ids from 30,000,000) through a {@link DelegatingProxy}
 * around the connection and every statement it hands out, plus one plain Statement insert with seq 0
 * (id 30,000,000).
 */
final class ProxyScenario implements Scenario {

    private static final long ID_BASE = 30_000_000L;

    @Override
    public void run(ScenarioContext context) throws SQLException {
        try (Connection connection = DelegatingProxy.wrap(Connection.class, context.connect())) {
            new PoolRowsWorkload(work -> work.run(connection), "proxy", ID_BASE).run(0, context.rows());
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO pool_rows (id, thread_no, seq, label) VALUES ("
                        + ID_BASE + ", 0, 0, 'proxy statement')");
            }
        }
        System.out.println("proxy: " + context.rows() + " rows written through proxies");
    }
}
