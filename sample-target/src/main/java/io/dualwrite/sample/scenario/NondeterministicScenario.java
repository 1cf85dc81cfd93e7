package io.dualwrite.sample.scenario;

import io.dualwrite.sample.Dialect;
import io.dualwrite.sample.Schema;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Writes into {@code nondet_rows} with expressions each database evaluates on its own: the clock ({@code now()},
 * {@code CURRENT_TIMESTAMP}) and the primary's random function ({@code random()} on PostgreSQL, {@code rand()} on
 * MariaDB) and a sequence's next value. Prepared: ids 1-3 one by one, ids 11-15 in one batch, ids 1000 and 1001 from
 * the sequence {@code nondet_seq}, then id 2 updated in a transaction; plain: id 100. Five distinct SQL texts, eight
 * writes. Then prints the agent's {@code WritesNondeterministic} MBean attribute.
 */
public final class NondeterministicScenario implements Scenario {

    /** The table, with timestamps to the microsecond on both databases. */
    public static final String TABLE = "nondet_rows";
    public static final String SEQUENCE = "nondet_seq";
    /** The sequence's first value: the ids it gives are consecutive when each row takes it once. */
    public static final long SEQUENCE_START = 1000;
    private static final String COLUMNS = "id BIGINT PRIMARY KEY, label VARCHAR(100), at_ts {timestamp}, r {double}";

    @Override
    public void run(ScenarioContext context) throws SQLException {
        try (Connection connection = context.connect()) {
            boolean postgresql = Dialect.of(connection) == Dialect.POSTGRESQL;
            String random = postgresql ? "random()" : "rand()";
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO nondet_rows (id, label, at_ts, r) VALUES (?, ?, now(), " + random + ")")) {
                for (long id = 1; id <= 3; id++) {
                    insert.setLong(1, id);
                    insert.setString(2, "prepared " + id);
                    insert.executeUpdate();
                }
            }
            // the application's parameters come after the expressions: their indexes move when rewritten
            try (PreparedStatement batch = connection.prepareStatement(
                    "INSERT INTO nondet_rows (at_ts, r, id, label) VALUES (CURRENT_TIMESTAMP, " + random + ", ?, ?)")) {
                for (long id = 11; id <= 15; id++) {
                    batch.setLong(1, id);
                    batch.setString(2, "batch " + id);
                    batch.addBatch();
                }
                batch.executeBatch();
            }
            try (PreparedStatement fromSequence = connection.prepareStatement("INSERT INTO nondet_rows (id, label) VALUES ("
                    + (postgresql ? "nextval('nondet_seq')" : "nextval(nondet_seq)") + ", ?)")) {
                for (int row = 1; row <= 2; row++) {
                    fromSequence.setString(1, "from the sequence " + row);
                    fromSequence.executeUpdate();
                }
            }
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE nondet_rows SET r = " + random + ", at_ts = now(), label = ? WHERE id = ?")) {
                update.setString(1, "updated");
                update.setLong(2, 2);
                update.executeUpdate();
            }
            connection.commit();
            connection.setAutoCommit(true);
            try (Statement plain = connection.createStatement()) {
                plain.executeUpdate("INSERT INTO nondet_rows (id, label, at_ts, r) VALUES (100, 'plain', now(), 0.5)");
            }
        }
        System.out.println("nondeterministic: jmx WritesNondeterministic=" + writesNondeterministic());
    }

    private static Object writesNondeterministic() {
        try {
            return ManagementFactory.getPlatformMBeanServer()
                    .getAttribute(new ObjectName("io.dualwrite:type=Agent"), "WritesNondeterministic");
        } catch (JMException e) {
            return "unavailable: " + e;
        }
    }

    /**
     * Drops and creates the table and the sequence, on the primary and (by the test, as an operator would) on the
     * secondary.
     */
    public static void createTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
            statement.execute(Schema.createTable(Dialect.of(connection), TABLE, COLUMNS, false));
            statement.execute("DROP SEQUENCE IF EXISTS " + SEQUENCE);
            statement.execute("CREATE SEQUENCE " + SEQUENCE + " START WITH " + SEQUENCE_START);
        }
    }
}
