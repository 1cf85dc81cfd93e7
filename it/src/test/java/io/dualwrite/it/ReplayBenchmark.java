package io.dualwrite.it;

import io.dualwrite.agent.capture.Parameter;
import io.dualwrite.agent.capture.Setter;
import io.dualwrite.agent.codec.UnappliedWrites;
import io.dualwrite.agent.codec.WriteCodec;
import io.dualwrite.agent.journal.FsyncMode;
import io.dualwrite.agent.journal.Journal;
import io.dualwrite.agent.journal.JournalOptions;
import io.dualwrite.agent.replay.DeadLetters;
import io.dualwrite.agent.replay.GroupLimits;
import io.dualwrite.agent.replay.ReplayResult;
import io.dualwrite.agent.replay.Replayer;
import io.dualwrite.agent.write.MirroredWrite;
import io.dualwrite.agent.write.PreparedWrite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows per second that {@link Replayer} applies from a journal into a fresh MariaDB database, for three kinds of
 * record: single-row auto-commit writes, 20-row batches, and transactions of 5 single-row writes; each with one
 * transaction per record (as replay was before groups) and with groups of records per transaction, side by side.
 * Each run replays its own journal into an emptied table; only the replay is timed; the row count is checked
 * afterwards, so a replay that lost rows cannot pass for a fast one. Prints figures, asserts nothing.
 *
 * <p>From the worktree root, with MariaDB on 127.0.0.1:3306 (or {@code DUALWRITE_IT_MARIADB_URL}, as the
 * integration tests):
 * <pre>
 * mvn -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/test.classpath \
 *     -Dmdep.includeScope=test -pl it -am
 * java -cp it/target/test-classes:$(cat it/target/test.classpath) io.dualwrite.it.ReplayBenchmark [rows] [groups]
 * </pre>
 * {@code rows} (default 100000) is how many rows each kind of record brings; {@code groups} the group limits to
 * compare, as {@code records:rows,...} (default {@code 1:1} and {@link GroupLimits#DEFAULT}); {@code 1:1} is one
 * record per transaction.
 */
public final class ReplayBenchmark {

    private static final String INSERT = "INSERT INTO replay_bench (id, label) VALUES (?, ?)";
    private static final int WARM_UP_ROWS = 2_000;

    private ReplayBenchmark() {
    }

    /** A kind of journal record: how many rows it holds, and its writes for the rows from {@code firstId}. */
    private enum Shape {
        SINGLE_ROW("auto-commit, 1 row", 1) {
            @Override
            List<MirroredWrite> writes(long firstId) {
                return List.of(insert(List.<Parameter[]>of(row(firstId)), false));
            }
        },
        BATCH("auto-commit batch, 20 rows", 20) {
            @Override
            List<MirroredWrite> writes(long firstId) {
                List<Parameter[]> rows = new ArrayList<>();
                for (long id = firstId; id < firstId + rows(); id++) {
                    rows.add(row(id));
                }
                return List.of(insert(rows, true));
            }
        },
        TRANSACTION("transaction, 5 writes", 5) {
            @Override
            List<MirroredWrite> writes(long firstId) {
                List<MirroredWrite> writes = new ArrayList<>();
                for (long id = firstId; id < firstId + rows(); id++) {
                    writes.add(insert(List.<Parameter[]>of(row(id)), false));
                }
                return writes;
            }
        };

        private final String label;
        private final int rows;

        Shape(String label, int rows) {
            this.label = label;
            this.rows = rows;
        }

        int rows() {
            return rows;
        }

        abstract List<MirroredWrite> writes(long firstId);
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<GroupLimits> groups = args.length > 1 ? parse(args[1])
                : List.of(new GroupLimits(1, 1), GroupLimits.DEFAULT);
        Path base = Files.createTempDirectory("replay-benchmark");
        try (TestDatabase database = TestDatabases.mariadb().createDatabase()) {
            createTable(database);
            System.out.printf("replay into %s, %d rows per kind of record, %d cores%n", database.describe(), rows,
                    Runtime.getRuntime().availableProcessors());
            for (Shape shape : Shape.values()) {
                for (GroupLimits limits : groups) {
                    replay(database, base, shape, limits, WARM_UP_ROWS);
                }
            }
            System.out.printf("%-28s %-26s %8s %8s %12s %8s%n", "records", "groups of at most", "records", "seconds",
                    "rows/s", "ratio");
            for (Shape shape : Shape.values()) {
                double first = 0;
                for (GroupLimits limits : groups) {
                    double seconds = replay(database, base, shape, limits, rows);
                    double perSecond = rows / seconds;
                    first = first == 0 ? perSecond : first;
                    System.out.printf("%-28s %-26s %8d %8.2f %12.0f %8.2f%n", shape.label, limits, rows / shape.rows(),
                            seconds, perSecond, perSecond / first);
                }
            }
        } finally {
            Directories.deleteRecursively(base);
        }
    }

    private static List<GroupLimits> parse(String groups) {
        List<GroupLimits> limits = new ArrayList<>();
        for (String group : groups.split(",")) {
            String[] parts = group.split(":");
            limits.add(new GroupLimits(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
        }
        return limits;
    }

    private static void createTable(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE replay_bench (id BIGINT PRIMARY KEY, label VARCHAR(100)) ENGINE=InnoDB");
        }
    }

    /** Replays a new journal of {@code rows} rows in records of {@code shape} into the emptied table; seconds taken. */
    private static double replay(TestDatabase database, Path base, Shape shape, GroupLimits limits, int rows)
            throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE TABLE replay_bench");
        }
        Path dir = Files.createTempDirectory(base, "journal");
        JournalOptions options = JournalOptions.defaults().withFsync(FsyncMode.NEVER);
        try (Journal journal = Journal.open(dir.resolve("journal"), options)) {
            for (long id = 0; id < rows; id += shape.rows()) {
                journal.append(WriteCodec.encode(new UnappliedWrites("connection-1", "SQLException SQLState 08001",
                        shape.writes(id))));
            }
            Replayer replayer = new Replayer(journal, database::connect, new DeadLetters(dir.resolve("dead-letters")),
                    30, limits);
            long began = System.nanoTime();
            ReplayResult result = replayer.replay(false, sequence -> { });
            double seconds = (System.nanoTime() - began) / 1e9;
            long applied = count(database);
            if (result.stoppedBecause() != null || result.deadLettered() > 0 || applied != rows) {
                throw new IllegalStateException("replay of " + shape.label + " in groups of " + limits
                        + " went wrong: " + applied + " of " + rows + " rows applied, " + result.deadLettered()
                        + " records dead-lettered, stopped because " + result.stoppedBecause());
            }
            return seconds;
        }
    }

    private static MirroredWrite insert(List<Parameter[]> rows, boolean batch) {
        return new PreparedWrite(INSERT, "INSERT replay_bench", rows, batch);
    }

    private static Parameter[] row(long id) {
        return new Parameter[] {
            Parameter.restore(Setter.forKey("setLong(IJ)V"), new Object[] {1, id}),
            Parameter.restore(Setter.forKey("setString(ILjava/lang/String;)V"), new Object[] {2, "row " + id}),
        };
    }

    private static long count(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM replay_bench")) {
            result.next();
            return result.getLong(1);
        }
    }
}
