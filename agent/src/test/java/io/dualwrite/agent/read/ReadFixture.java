package io.dualwrite.agent.read;

import io.dualwrite.agent.config.AgentConfig;
import io.dualwrite.agent.config.FailurePolicy;
import io.dualwrite.agent.config.Glob;
import io.dualwrite.agent.config.JournalConfig;
import io.dualwrite.agent.config.MetricsConfig;
import io.dualwrite.agent.config.ReadRoute;
import io.dualwrite.agent.config.ReadSticky;
import io.dualwrite.agent.config.ReadsConfig;
import io.dualwrite.agent.config.SecondaryConfig;
import io.dualwrite.agent.config.TableFilter;
import io.dualwrite.agent.config.WritesConfig;
import io.dualwrite.agent.log.RecordingLogger;
import io.dualwrite.agent.metrics.ReadStats;
import io.dualwrite.agent.metrics.WriteStats;
import io.dualwrite.agent.mirror.FailureLog;
import io.dualwrite.agent.mirror.Mirror;
import io.dualwrite.agent.translate.StatementTranslator;
import io.dualwrite.bootstrap.AgentAnswer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two H2 in-memory databases, a primary and a secondary, and a read router between them, called as the JDBC
 * hooks call it. Table {@code items} holds the same ids on both sides, each row's {@code source} saying which
 * side it came from; table {@code shared} holds the same rows on both.
 */
final class ReadFixture implements AutoCloseable {

    static final String BY_ID = "SELECT id, source FROM items WHERE id = ?";
    static final String ALL = "SELECT id, source FROM items ORDER BY id";

    private static final AtomicInteger DATABASES = new AtomicInteger();

    final String primaryUrl;
    final String secondaryUrl;
    final Connection primary;
    final Connection secondary;
    final ReadStats stats = new ReadStats();
    final RecordingLogger log = new RecordingLogger();
    final Path dir;
    private final List<Connection> connections = new ArrayList<>();
    private Mirror mirror;
    ReadRouter router;

    ReadFixture(Path dir) throws SQLException {
        this.dir = dir;
        int n = DATABASES.incrementAndGet();
        primaryUrl = "jdbc:h2:mem:reads_primary_" + n + ";DB_CLOSE_DELAY=-1";
        secondaryUrl = "jdbc:h2:mem:reads_secondary_" + n + ";DB_CLOSE_DELAY=-1";
        primary = DriverManager.getConnection(primaryUrl);
        secondary = DriverManager.getConnection(secondaryUrl);
        fill(primary, "primary");
        fill(secondary, "secondary");
    }

    private static void fill(Connection connection, String source) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE items (id INT PRIMARY KEY, source VARCHAR(20))");
            ddl.execute("INSERT INTO items VALUES (1, '" + source + "'), (2, '" + source + "'), (3, '" + source + "')");
            ddl.execute("CREATE TABLE shared (id INT PRIMARY KEY, name VARCHAR(20), amount DECIMAL(10, 2))");
            ddl.execute("INSERT INTO shared VALUES (1, 'one', 1.50), (2, 'two', 2.00), (3, 'three', NULL)");
        }
    }

    /** The reads section with the given route, everything else as by default but the mismatch log, here. */
    ReadsConfig reads(ReadRoute route) {
        return ReadsConfig.defaults(dir).withRoute(route).withSecondaryPercent(100);
    }

    /** As {@link #reads} with a pool size and shadow-max-rows, which have no {@code with} helper. */
    ReadsConfig reads(ReadRoute route, int poolSize, int shadowMaxRows) {
        ReadsConfig r = reads(route);
        return new ReadsConfig(r.route(), r.secondaryPercent(), r.shadowPercent(), r.readYourWritesMs(), r.tables(),
                r.sticky(), poolSize, shadowMaxRows, r.shadowThreads(), r.shadowQueueCapacity(), r.mismatchLog(),
                r.maskValues());
    }

    ReadRouter open(ReadsConfig reads) throws Exception {
        return open(reads, secondaryUrl, SecondaryConfig.DEFAULT_CONNECT_TIMEOUT_MS);
    }

    ReadRouter open(ReadsConfig reads, String secondaryUrl, int connectTimeoutMs) throws Exception {
        SecondaryConfig secondaryConfig = new SecondaryConfig(secondaryUrl, null, null, null, Map.of(), 1,
                connectTimeoutMs, SecondaryConfig.DEFAULT_STATEMENT_TIMEOUT_MS);
        AgentConfig config = new AgentConfig(true, Glob.compile("jdbc:h2:mem:reads_primary_*", true),
                secondaryConfig, WritesConfig.defaults(), reads, JournalConfig.defaults(dir),
                MetricsConfig.defaults());
        FailureLog failures = new FailureLog(log, 10_000);
        mirror = new Mirror(secondaryConfig, StatementTranslator.identity(), FailurePolicy.JOURNAL, null, null,
                new WriteStats(), failures);
        router = ReadRouter.open(config, mirror, stats, failures, log);
        return router;
    }

    /** A new connection to the primary, as the application would hold. */
    Connection connection() throws SQLException {
        Connection connection = DriverManager.getConnection(primaryUrl);
        connections.add(connection);
        return connection;
    }

    TestQuery prepared(String sql, ReadSession session) throws SQLException {
        return new TestQuery(primary.prepareStatement(sql), sql, session);
    }

    TestQuery plain(ReadSession session) throws SQLException {
        return new TestQuery(primary.createStatement(), null, session);
    }

    /** {@code executeQuery} as the hooks run it: the router answers, or the primary does and the router wraps. */
    ResultSet executeQuery(TestQuery query, String sql) throws SQLException {
        AgentAnswer answer = router.enter(query, sql, true);
        if (answer != null) {
            return (ResultSet) answer.value;
        }
        Statement statement = query.jdbc();
        ResultSet rows = query.preparedSql() == null ? statement.executeQuery(sql)
                : ((PreparedStatement) statement).executeQuery();
        return (ResultSet) router.result(query.reads(), rows);
    }

    ResultSet executeQuery(TestQuery query) throws SQLException {
        return executeQuery(query, query.preparedSql());
    }

    /** Runs {@link #BY_ID} for id 1 on a fresh statement of {@code session} and says which side answered. */
    String source(ReadSession session) throws SQLException {
        TestQuery query = prepared(BY_ID, session).setInt(1, 1);
        try (ResultSet rows = executeQuery(query)) {
            return sourceOf(rows);
        } finally {
            query.jdbc().close();
        }
    }

    static String sourceOf(ResultSet rows) throws SQLException {
        if (!rows.next()) {
            throw new AssertionError("no row");
        }
        return rows.getString("source");
    }

    @Override
    public void close() throws Exception {
        if (router != null) {
            router.close();
        }
        if (mirror != null) {
            mirror.close();
        }
        for (Connection connection : connections) {
            connection.close();
        }
        for (Connection connection : List.of(primary, secondary)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // already gone
            }
            connection.close();
        }
    }

    static TableFilter excluding(String... tables) {
        return TableFilter.of(List.of("*"), List.of(tables));
    }

    static ReadSticky sticky() {
        return ReadSticky.CONNECTION;
    }
}
