package io.dualwrite.agent.read;

import io.dualwrite.agent.capture.Parameter;
import io.dualwrite.agent.config.ReadRoute;
import io.dualwrite.agent.config.ReadsConfig;
import io.dualwrite.agent.shadow.RowsCopy;
import io.dualwrite.agent.shadow.ShadowOutcomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What read routing costs the application's thread, measured side by side in one run; prints figures, asserts
 * nothing.
 * <ol>
 * <li>The routing decision: ns per {@link ReadRouter#enter} for a SQL text already analysed, under route
 * primary, split 0 % (eligible, stays on the primary) and shadow 0 % (eligible, not shadowed), against a baseline
 * loop doing the hook's own work without the router (the followed statement's lookup in a concurrent map and its
 * read state). Goal: under 1 µs.
 * <li>The shadow copy: reading an H2 in-memory result of 1, 100 and 1000 rows of 6 mixed-type columns (every
 * column with getObject) directly, through a {@link ShadowTee} copying every row (shadow 100 %, the finished copy
 * handed to a comparison that drops it), and through the router at shadow 100 % with real comparisons on a
 * secondary H2 database (which run on their own threads). Goal: shadow 100 % costs at most the copy of the rows.
 * For comparison, the same reads through a proxy that copies nothing ({@code proxy only}) and with the rows
 * copied by {@link RowsCopy.Builder#addRow} without a proxy ({@code copy no proxy}): what the copy itself costs.
 * </ol>
 * Each figure is the minimum over several timed rounds after warm-up rounds.
 *
 * <p>From the worktree root:
 * <pre>
 * mvn -B -q -o -pl agent -am test-compile
 * mvn -B -q -o -pl agent dependency:build-classpath -Dmdep.outputFile=agent/target/test.classpath \
 *     -Dmdep.includeScope=test
 * java -cp bootstrap/target/classes:agent/target/test-classes:agent/target/classes:$(cat agent/target/test.classpath) \
 *     io.dualwrite.agent.read.ReadRoutingBenchmark [decisions-per-round]
 * </pre>
 * {@code decisions-per-round} defaults to 2000000. {@code bootstrap/target/classes} comes first so that the
 * bootstrap classes are this worktree's, not an installed snapshot's.
 */
public final class ReadRoutingBenchmark {

    private static final String SQL = "SELECT id, name, amount, created, active, ratio FROM bench WHERE id <= ?";
    private static final int WARM_UP_ROUNDS = 3;
    private static final int ROUNDS = 7;

    private static volatile long sink;

    private ReadRoutingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int decisions = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        Path dir = Files.createTempDirectory("read-routing-benchmark");
        try (ReadFixture db = new ReadFixture(dir)) {
            fill(db.primary);
            fill(db.secondary);
            System.out.printf(Locale.ROOT, "Java %s, %d processors%n%n", System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors());
            decisions(db, decisions);
            System.out.println();
            shadowCopies(db);
        }
    }

    private static void fill(Connection connection) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE bench (id INT PRIMARY KEY, name VARCHAR(40), amount DECIMAL(12, 2), "
                    + "created TIMESTAMP(6), active BOOLEAN, ratio DOUBLE PRECISION)");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int id = 1; id <= 1000; id++) {
                insert.setInt(1, id);
                insert.setString(2, "name number " + id);
                insert.setBigDecimal(3, java.math.BigDecimal.valueOf(id * 137L, 2));
                insert.setTimestamp(4, java.sql.Timestamp.valueOf("2024-03-01 12:00:00.123456"));
                insert.setBoolean(5, id % 2 == 0);
                insert.setDouble(6, id / 7.0);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The followed statement as the capture package keeps it: auto-commit and parameters at hand, no JDBC call. */
    private static final class Followed implements QueryStatement {
        private final Statement statement;
        private final ReadSession session = new ReadSession();
        private final StatementReads reads = new StatementReads();

        Followed(Statement statement) {
            this.statement = statement;
        }

        @Override
        public Object statement() {
            return statement;
        }

        @Override
        public String preparedSql() {
            return SQL;
        }

        @Override
        public Parameter[] parameters() {
            return new Parameter[0];
        }

        @Override
        public boolean autoCommit() {
            return true;
        }

        @Override
        public ReadSession session() {
            return session;
        }

        @Override
        public StatementReads reads() {
            return reads;
        }
    }

    private static void decisions(ReadFixture db, int calls) throws Exception {
        ReadRouter router = db.open(db.reads(ReadRoute.PRIMARY));
        PreparedStatement statement = db.primary.prepareStatement(SQL);
        Followed followed = new Followed(statement);
        ConcurrentHashMap<Object, Followed> statements = new ConcurrentHashMap<>();
        statements.put(statement, followed);
        for (int i = 0; i < 1000; i++) {
            statements.put(new Object(), new Followed(statement));
        }
        ReadsConfig primary = db.reads(ReadRoute.PRIMARY);
        ReadsConfig split0 = db.reads(ReadRoute.SPLIT).withSecondaryPercent(0);
        ReadsConfig shadow0 = db.reads(ReadRoute.SHADOW).withShadowPercent(0);

        LongSupplier baseline = () -> {
            long n = 0;
            for (int i = 0; i < calls; i++) {
                Followed state = statements.get(statement);
                n += state.reads() == null ? 0 : 1;
            }
            return n;
        };
        LongSupplier routed = () -> {
            long n = 0;
            for (int i = 0; i < calls; i++) {
                Followed state = statements.get(statement);
                n += router.enter(state, SQL, true) == null ? 1 : 0;
            }
            return n;
        };
        System.out.printf(Locale.ROOT, "(a) routing decision, %,d calls a round, min of %d rounds after %d warm-up%n",
                calls, ROUNDS, WARM_UP_ROUNDS);
        double base = perCall(baseline, calls);
        System.out.printf(Locale.ROOT, "  %-42s %7.1f ns/call%n", "baseline (statement lookup only)", base);
        for (Object[] config : new Object[][] {{"route primary", primary}, {"split 0% (eligible, stays primary)",
                split0}, {"shadow 0% (eligible, not shadowed)", shadow0}}) {
            router.configure((ReadsConfig) config[1], true);
            double ns = perCall(routed, calls);
            System.out.printf(Locale.ROOT, "  %-42s %7.1f ns/call  (router adds %.1f ns)%n", config[0], ns,
                    ns - base);
        }
        System.out.printf(Locale.ROOT, "  reads counted primary: %,d%n", db.stats.primaryReads());
        statement.close();
        router.close();
    }

    private static double perCall(LongSupplier loop, int calls) {
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            sink += loop.getAsLong();
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            sink += loop.getAsLong();
            best = Math.min(best, System.nanoTime() - start);
        }
        return (double) best / calls;
    }

    /** Reads a result as the application would: every column of every row with getObject. */
    private static long readAll(ResultSet rows) throws SQLException {
        long n = 0;
        while (rows.next()) {
            for (int column = 1; column <= 6; column++) {
                n += rows.getObject(column) == null ? 0 : 1;
            }
        }
        return n;
    }

    private interface Read {
        long run() throws SQLException;
    }

    private static void shadowCopies(ReadFixture db) throws Exception {
        ReadRouter router = db.open(db.reads(ReadRoute.SHADOW, 10, ReadsConfig.MAX_SHADOW_MAX_ROWS)
                .withShadowPercent(100));
        ShadowTee.Comparisons dropped = (plan, copy) -> sink += copy.rowCount();
        ShadowOutcomes none = new ShadowOutcomes() {
            @Override
            public void compared(boolean matched) {
            }

            @Override
            public void skipped() {
            }

            @Override
            public void dropped() {
            }

            @Override
            public void failed() {
            }
        };
        System.out.printf(Locale.ROOT, "(b) shadow copy, 6 columns (INT, VARCHAR, DECIMAL, TIMESTAMP, BOOLEAN, DOUBLE),"
                + " H2 in memory, min of %d rounds after %d warm-up; per row, query execution included%n",
                ROUNDS, WARM_UP_ROUNDS);
        System.out.printf(Locale.ROOT, "  %5s %12s %12s %12s %8s %14s %8s %12s %14s%n", "rows", "direct",
                "ShadowTee", "tee-direct", "ratio", "router 100%", "ratio", "proxy only", "copy no proxy");
        for (int size : new int[] {1, 100, 1000}) {
            int iterations = Math.max(200, 400_000 / size);
            PreparedStatement statement = db.primary.prepareStatement(SQL);
            statement.setInt(1, size);
            TestQuery query = new TestQuery(statement, SQL, new ReadSession()).setInt(1, size);
            ShadowPlan plan = new ShadowPlan(SQL, query.parameters(), false, ReadsConfig.MAX_SHADOW_MAX_ROWS);

            double direct = perRow(() -> {
                try (ResultSet rows = statement.executeQuery()) {
                    return readAll(rows);
                }
            }, iterations, size);
            double tee = perRow(() -> {
                try (ResultSet rows = new ShadowTee(statement.executeQuery(), plan, dropped, none).proxy()) {
                    return readAll(rows);
                }
            }, iterations, size);
            double proxyOnly = perRow(() -> {
                try (ResultSet rows = new ResultSetProxy(statement.executeQuery()) { }.proxy()) {
                    return readAll(rows);
                }
            }, iterations, size);
            double copyNoProxy = perRow(() -> {
                try (ResultSet rows = statement.executeQuery()) {
                    RowsCopy.Builder copy = RowsCopy.builder(rows.getMetaData(), ReadsConfig.MAX_SHADOW_MAX_ROWS);
                    long n = 0;
                    while (rows.next()) {
                        for (int column = 1; column <= 6; column++) {
                            n += rows.getObject(column) == null ? 0 : 1;
                        }
                        copy.addRow(rows);
                    }
                    sink += copy.build().rowCount();
                    return n;
                }
            }, iterations, size);
            long droppedBefore = db.stats.shadowReadsDropped();
            double viaRouter = perRow(() -> {
                try (ResultSet rows = db.executeQuery(query)) {
                    return readAll(rows);
                }
            }, iterations, size);
            System.out.printf(Locale.ROOT, "  %5d %9.1f ns %9.1f ns %9.1f ns %7.2fx %11.1f ns %7.2fx %9.1f ns %11.1f ns%n",
                    size, direct, tee, tee - direct, tee / direct, viaRouter, viaRouter / direct, proxyOnly,
                    copyNoProxy);
            System.out.printf(Locale.ROOT, "        (router run: shadow compared %,d, dropped while the queue was full %,d)%n",
                    db.stats.shadowReadsCompared(), db.stats.shadowReadsDropped() - droppedBefore);
            statement.close();
        }
        router.close();
    }

    private static double perRow(Read read, int iterations, int rowsEach) throws SQLException {
        long best = Long.MAX_VALUE;
        for (int round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
            long start = System.nanoTime();
            long n = 0;
            for (int i = 0; i < iterations; i++) {
                n += read.run();
            }
            long elapsed = System.nanoTime() - start;
            sink += n;
            if (round >= WARM_UP_ROUNDS) {
                best = Math.min(best, elapsed);
            }
        }
        return (double) best / iterations / rowsEach;
    }
}
