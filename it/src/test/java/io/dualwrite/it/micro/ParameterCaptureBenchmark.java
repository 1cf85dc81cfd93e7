package io.dualwrite.it.micro;

import fakejdbc.FakeDriver;
import io.dualwrite.agent.capture.JdbcEvents;
import io.dualwrite.agent.config.AgentConfig;
import io.dualwrite.agent.config.ConfigLoader;
import io.dualwrite.agent.metrics.ReadStats;
import io.dualwrite.agent.metrics.WriteStats;
import io.dualwrite.agent.mirror.FailureLog;
import io.dualwrite.agent.mirror.Mirror;
import io.dualwrite.agent.mirror.WriteSink;
import io.dualwrite.agent.read.ReadRouter;
import io.dualwrite.agent.translate.StatementTranslator;
import io.dualwrite.agent.write.MirroredWrite;
import io.dualwrite.bootstrap.JdbcHooks;
import io.dualwrite.it.Directories;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Properties;
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
import org.slf4j.Logger;
import org.slf4j.helpers.NOPLogger;

/**
 * The agent's capture of one prepared write, without instrumentation: the hooks the advice calls
 * ({@link JdbcHooks}, handing over to the agent's {@link JdbcEvents}) for five values of typical types, each with
 * the argument array the advice builds, then the execute hooks, which copy the row and build the write the mirror
 * sends. The write goes to a sink that only keeps it, so neither the secondary nor the journal is measured.
 *
 * <p>{@code fiveParameters} binds only (a statement's values overwritten, as an application binding again does);
 * {@code fiveParametersAndWrite} binds and ends the write.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ParameterCaptureBenchmark {

    private static final String PRIMARY_URL = "jdbc:fake:primary";
    private static final String INSERT = "INSERT INTO orders (id, customer, amount, created_at, paid) "
            + "VALUES (?, ?, ?, ?, ?)";
    /** The setters as the advice names them: name and descriptor. */
    private static final String SET_LONG = "setLong(IJ)V";
    private static final String SET_STRING = "setString(ILjava/lang/String;)V";
    private static final String SET_BIG_DECIMAL = "setBigDecimal(ILjava/math/BigDecimal;)V";
    private static final String SET_TIMESTAMP = "setTimestamp(ILjava/sql/Timestamp;)V";
    private static final String SET_BOOLEAN = "setBoolean(IZ)V";
    private static final BigDecimal AMOUNT = new BigDecimal("129.90");
    private static final Timestamp CREATED = new Timestamp(1_796_464_800_000L); // 2026-12-05 10:00 UTC
    private static final Logger QUIET = NOPLogger.NOP_LOGGER;

    /** Keeps the last writes handed over, so that building them cannot be optimised away. */
    private static final class KeptWrites implements WriteSink {
        List<MirroredWrite> last;

        @Override
        public SQLException apply(String origin, List<MirroredWrite> writes) {
            last = writes;
            return null;
        }
    }

    private final KeptWrites sink = new KeptWrites();
    private Path work;
    private Mirror mirror;
    private ReadRouter reads;
    private Connection connection;
    private PreparedStatement statement;
    private long id;

    @Setup(Level.Trial)
    public void follow() throws Exception {
        work = Files.createTempDirectory("dualwrite-capture-benchmark");
        Path file = work.resolve("dualwrite.yaml");
        Files.writeString(file, io.dualwrite.it.AgentConfig.mirroring(PRIMARY_URL + "*", "jdbc:fake:secondary")
                .journalDir(work.resolve("journal")).toYaml());
        AgentConfig config = ConfigLoader.load(file);
        WriteStats stats = new WriteStats();
        mirror = new Mirror(config.secondary(), StatementTranslator.of(config), config.writes().onFailure(), null,
                null, stats, new FailureLog(QUIET, 10_000));
        reads = ReadRouter.open(config, mirror, new ReadStats(), new FailureLog(QUIET, 10_000), QUIET);
        JdbcEvents events = new JdbcEvents(config, mirror, sink, stats, reads, QUIET);
        JdbcHooks.install(events);
        connection = new FakeDriver().connect(PRIMARY_URL, new Properties());
        JdbcHooks.onConnect(PRIMARY_URL, connection);
        statement = connection.prepareStatement(INSERT);
        JdbcHooks.onStatementCreated(connection, statement, INSERT);
        fiveParametersAndWrite();
        if (sink.last == null) {
            throw new IllegalStateException("the agent's capture did not follow the benchmark's statement");
        }
    }

    @Benchmark
    public Object fiveParameters() {
        bindFive();
        return statement;
    }

    @Benchmark
    public List<MirroredWrite> fiveParametersAndWrite() {
        bindFive();
        Object token = JdbcHooks.enterExecute(statement);
        JdbcHooks.exitExecute(token, null, null);
        return sink.last;
    }

    /** As the advice does after each setter returned: a new array of the arguments, boxed. */
    private void bindFive() {
        JdbcHooks.onParameter(statement, SET_LONG, new Object[] {1, ++id});
        JdbcHooks.onParameter(statement, SET_STRING, new Object[] {2, "customer-42"});
        JdbcHooks.onParameter(statement, SET_BIG_DECIMAL, new Object[] {3, AMOUNT});
        JdbcHooks.onParameter(statement, SET_TIMESTAMP, new Object[] {4, CREATED});
        JdbcHooks.onParameter(statement, SET_BOOLEAN, new Object[] {5, true});
    }

    @TearDown(Level.Trial)
    public void stopFollowing() throws Exception {
        JdbcHooks.install(null);
        reads.close();
        mirror.close();
        connection.close();
        Directories.deleteRecursively(work);
    }
}
