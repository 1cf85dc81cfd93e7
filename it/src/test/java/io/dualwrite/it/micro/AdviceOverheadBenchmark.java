package io.dualwrite.it.micro;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * What one application write costs on the fake driver ({@code jdbc:fake:primary}, no I/O), in a JVM that runs
 * without the agent, with it attached but not following this URL, or with it mirroring every write to
 * {@code jdbc:fake:secondary} in sync mode: {@link MicroBenchmarks} runs it once per {@link AdviceConfiguration},
 * and the differences are what the agent adds.
 *
 * <p>Before measuring, one write goes through {@code jdbc:fake:probe}, which the agent follows when its URL pattern
 * leaves the primary out: its arrival on the secondary shows that the fake driver really is instrumented in that
 * configuration. At the end the fork records its {@link ForkEvidence}, checked against its configuration.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AdviceOverheadBenchmark {

    static final String PRIMARY_URL = "jdbc:fake:primary";
    static final String PROBE_URL = "jdbc:fake:probe";
    static final String SECONDARY_URL = "jdbc:fake:secondary";
    /** System properties by which the runner tells a fork its configuration and where to put its evidence. */
    static final String CONFIGURATION_PROPERTY = "dualwrite.micro.configuration";
    static final String EVIDENCE_PROPERTY = "dualwrite.micro.evidence";

    private static final String INSERT = "INSERT INTO orders (id, customer) VALUES (?, ?)";
    private static final String PLAIN_INSERT = "INSERT INTO orders (id, customer) VALUES (1, 'customer-1')";

    private Connection connection;
    private PreparedStatement prepared;
    private Statement plain;
    private long id;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        writeOnce(PROBE_URL);
        connection = DriverManager.getConnection(PRIMARY_URL);
        prepared = connection.prepareStatement(INSERT);
        plain = connection.createStatement();
    }

    private static void writeOnce(String url) throws SQLException {
        try (Connection probe = DriverManager.getConnection(url);
                PreparedStatement statement = probe.prepareStatement(INSERT)) {
            statement.setLong(1, 0);
            statement.setString(2, "probe");
            statement.executeUpdate();
        }
    }

    /** Two values bound and one prepared INSERT executed: the typical write. */
    @Benchmark
    public int preparedInsert() throws SQLException {
        prepared.setLong(1, ++id);
        prepared.setString(2, "customer-42");
        return prepared.executeUpdate();
    }

    /** One INSERT as SQL text (always the same, so the agent's classification is a cache hit). */
    @Benchmark
    public int statementInsert() throws SQLException {
        return plain.executeUpdate(PLAIN_INSERT);
    }

    @TearDown(Level.Trial)
    public void recordEvidence(BenchmarkParams params) throws Exception {
        String directory = System.getProperty(EVIDENCE_PROPERTY);
        if (directory != null) {
            Path dir = Paths.get(directory);
            ForkEvidence.observe(params.getBenchmark(), System.getProperty(CONFIGURATION_PROPERTY, "unnamed"))
                    .writeTo(dir);
        }
        plain.close();
        prepared.close();
        connection.close();
    }
}
