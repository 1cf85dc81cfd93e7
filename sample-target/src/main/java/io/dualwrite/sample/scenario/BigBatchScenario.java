package io.dualwrite.sample.scenario;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One small insert into {@code events} (id 1), a pause of {@code --pause-ms} announced by
 * {@code big-batch: ready}, then one prepared batch of {@code --rows} rows with 1,000-character payloads (ids from
 * 2): megabytes to send, which a frozen secondary stops mid-way. Prints how long {@code executeBatch} took.
 */
final class BigBatchScenario implements Scenario {

    private static final String INSERT = "INSERT INTO events (id, thread_no, seq, kind, payload) VALUES (?, 0, ?, ?, ?)";

    @Override
    public void run(ScenarioContext context) throws SQLException {
        String payload = "x".repeat(1_000);
        try (Connection connection = context.connect(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            bind(insert, 1, payload);
            insert.executeUpdate();
            System.out.println("big-batch: ready");
            pause(context.pauseMillis());
            for (int row = 1; row <= context.rows(); row++) {
                bind(insert, 1 + row, payload);
                insert.addBatch();
            }
            long started = System.nanoTime();
            insert.executeBatch();
            System.out.println("big-batch: " + context.rows() + " rows sent in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
    }

    private static void bind(PreparedStatement insert, long id, String payload) throws SQLException {
        insert.setLong(1, id);
        insert.setInt(2, (int) id);
        insert.setString(3, "big");
        insert.setString(4, payload);
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
