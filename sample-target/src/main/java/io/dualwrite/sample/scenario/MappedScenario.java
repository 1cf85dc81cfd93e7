package io.dualwrite.sample.scenario;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes of every kind to {@code members (id, name, legacy_flag, email, score)}, a table the tests map to another
 * name and shape on the secondary; the table exists before the run. Each of {@code --threads} threads (numbered
 * from 1) owns the ids {@code threadNo * 100,000 + ...} and does {@code --rows} rounds of ten auto-commit writes:
 * a plain insert, a prepared insert, a prepared three-row insert, a prepared batch of three inserts, a prepared
 * update, a plain update found by name, a prepared update of {@code legacy_flag} only, a prepared delete, a plain
 * delete found by name, and a Statement batch of an update and a delete. Last, one update found by
 * {@code legacy_flag} = -1, which matches no row.
 */
final class MappedScenario implements Scenario {

    private static final String INSERT = "INSERT INTO members (id, name, legacy_flag, email, score) "
            + "VALUES (?, ?, ?, ?, ?)";
    private static final String INSERT_THREE = "INSERT INTO members (id, name, legacy_flag, email, score) "
            + "VALUES (?, ?, ?, ?, ?), (?, ?, ?, ?, ?), (?, ?, ?, ?, ?)";
    private static final int IDS_PER_THREAD = 100_000;
    private static final int IDS_PER_ROUND = 10;

    @Override
    public void run(ScenarioContext context) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(context.threads());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 1; t <= context.threads(); t++) {
                long base = (long) t * IDS_PER_THREAD;
                done.add(threads.submit(() -> {
                    writeRounds(context, base);
                    return null;
                }));
            }
            for (Future<?> thread : done) {
                thread.get();
            }
        } finally {
            threads.shutdown();
        }
        try (Connection connection = context.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE members SET score = 0 WHERE legacy_flag = -1");
        }
        System.out.println("mapped: " + context.threads() * context.rows() * IDS_PER_ROUND + " writes");
    }

    private static void writeRounds(ScenarioContext context, long base) throws SQLException {
        try (Connection connection = context.connect();
             Statement statement = connection.createStatement();
             PreparedStatement insert = connection.prepareStatement(INSERT);
             PreparedStatement insertThree = connection.prepareStatement(INSERT_THREE);
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE members SET name = ?, legacy_flag = ?, score = score + 1 WHERE id = ?");
             PreparedStatement updateFlag = connection.prepareStatement(
                     "UPDATE members SET legacy_flag = ? WHERE id = ?");
             PreparedStatement delete = connection.prepareStatement("DELETE FROM members WHERE id = ?")) {
            for (int round = 0; round < context.rows(); round++) {
                long id = base + (long) round * IDS_PER_ROUND;
                statement.executeUpdate("INSERT INTO members (id, name, legacy_flag, email, score) VALUES (" + id
                        + ", 'plain-" + id + "', 1, 'plain-" + id + "@example.com', 0)");
                bindRow(insert, 0, id + 1, "prepared");
                insert.executeUpdate();
                for (int row = 0; row < 3; row++) {
                    bindRow(insertThree, row * 5, id + 2 + row, "multi-row");
                }
                insertThree.executeUpdate();
                for (long batched = id + 5; batched <= id + 7; batched++) {
                    bindRow(insert, 0, batched, "batch");
                    insert.addBatch();
                }
                insert.executeBatch();
                update.setString(1, "updated-" + (id + 1));
                update.setInt(2, round);
                update.setLong(3, id + 1);
                update.executeUpdate();
                statement.executeUpdate("UPDATE members SET email = 'changed-" + id + "@example.com', "
                        + "score = score + 10 WHERE name = 'plain-" + id + "'");
                updateFlag.setInt(1, 7);
                updateFlag.setLong(2, id + 2);
                updateFlag.executeUpdate();
                delete.setLong(1, id + 3);
                delete.executeUpdate();
                statement.executeUpdate("DELETE FROM members WHERE name = 'batch-" + (id + 6) + "'");
                statement.addBatch("UPDATE members SET score = 5, name = 'batch-updated' WHERE id = " + (id + 5));
                statement.addBatch("DELETE FROM members WHERE id = " + (id + 7));
                statement.executeBatch();
            }
        }
    }

    /** Binds row {@code id} at parameters {@code offset + 1} to {@code offset + 5}; legacy_flag is the third. */
    private static void bindRow(PreparedStatement insert, int offset, long id, String kind) throws SQLException {
        insert.setLong(offset + 1, id);
        insert.setString(offset + 2, kind + "-" + id);
        insert.setInt(offset + 3, (int) (id % 3));
        insert.setString(offset + 4, kind + "-" + id + "@example.com");
        insert.setInt(offset + 5, (int) (id % 100));
    }
}
