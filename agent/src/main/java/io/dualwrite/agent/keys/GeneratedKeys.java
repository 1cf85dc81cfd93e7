package io.dualwrite.agent.keys;

import com.blogspot.mydailyjava.weaklockfree.WeakConcurrentMap;
import io.dualwrite.agent.capture.Parameter;
import io.dualwrite.agent.sql.SqlInfo;
import io.dualwrite.agent.translate.KeyedInsert;
import io.dualwrite.agent.translate.SqlDialect;
import io.dualwrite.agent.write.MirroredWrite;
import io.dualwrite.agent.write.PreparedWrite;
import io.dualwrite.agent.write.StatementWrite;
import io.dualwrite.agent.write.UncarriedKeysWrite;
import io.dualwrite.bootstrap.AgentAnswer;
import io.dualwrite.bootstrap.CallDepth;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Carries the keys the primary generates to the secondary. When the application prepares or runs an INSERT into a
 * table whose key the primary generates, without naming the key, the agent makes the driver return the keys
 * ({@code prepareStatement(sql, String[])}, {@code executeUpdate(sql, String[])}); after the primary ran it, the
 * agent reads them ({@code getGeneratedKeys()}) and the mirrored write becomes an INSERT naming the key, with the
 * primary's values bound ({@link KeyedInsert}). The application's own {@code getGeneratedKeys()} is answered as the
 * driver would have answered it: the copied keys when it asked for them, else what the driver gives when nobody
 * asked. An INSERT whose keys cannot be carried is never mirrored with keys of the secondary's making: it becomes an
 * {@link UncarriedKeysWrite}, which fails on the secondary with the reason. Active for PostgreSQL and MariaDB/MySQL
 * primaries, whose drivers' behaviour it follows.
 */
public final class GeneratedKeys {

    /** What MariaDB Connector/J throws from {@code getGeneratedKeys()} when no keys were asked for. */
    static final String MARIADB_NOT_ASKED = "Cannot return generated keys: query was not set with "
            + "Statement.RETURN_GENERATED_KEYS";
    /** What MySQL Connector/J throws then, with SQL state S1009. */
    static final String MYSQL_NOT_ASKED = "Generated keys not requested. You need to specify "
            + "Statement.RETURN_GENERATED_KEYS to Statement.executeUpdate(), Statement.executeLargeUpdate() or "
            + "Connection.prepareStatement().";

    /** Distinct SQL texts whose uncarried keys are logged; past them, such writes are only dead-lettered. */
    private static final int MAX_LOGGED = 10_000;

    private final SqlDialect dialect;
    private final Function<String, SqlInfo> classifier;
    private final Logger log;
    private final GeneratedColumns columns;
    private final WeakConcurrentMap<Object, StatementKeys> statements = new WeakConcurrentMap.WithInlinedExpunction<>();
    private final Set<String> loggedUncarried = ConcurrentHashMap.newKeySet();
    /** Whether any statement has keys the agent follows: until then, executions cost nothing here. */
    private volatile boolean following;

    /**
     * @param dialect    the primary's dialect: keys are carried for {@link SqlDialect#POSTGRESQL} and
     *                   {@link SqlDialect#MYSQL}, whose drivers' answers the agent reproduces
     * @param classifier the agent's cached SQL classification
     */
    public GeneratedKeys(SqlDialect dialect, Function<String, SqlInfo> classifier, Logger log) {
        this.dialect = dialect;
        this.classifier = classifier;
        this.log = log;
        this.columns = new GeneratedColumns(dialect, log);
    }

    private boolean active() {
        return dialect == SqlDialect.POSTGRESQL || dialect == SqlDialect.MYSQL;
    }

    /**
     * Enters {@code Connection.prepareStatement(sql)} of a followed connection: the statement prepared asking for
     * the keys, or null when the driver is left to prepare it as asked.
     */
    public AgentAnswer prepare(Object connection, String sql, SqlInfo info) {
        String[] keys = keysToAskFor(sql, info, () -> (Connection) connection);
        if (keys == null) {
            return null;
        }
        Object statement;
        try {
            statement = ((Connection) connection).prepareStatement(sql, keys);
        } catch (SQLException | RuntimeException e) {
            return AgentAnswer.failed(e);
        }
        askedByAgent(statement);
        return new AgentAnswer(statement);
    }

    /**
     * Enters {@code execute/executeUpdate/executeLargeUpdate(sql)} of a followed plain statement: the result of the
     * same call asking for the keys, or null when the driver is left to run it as asked.
     */
    public AgentAnswer execute(Object statement, String sql, SqlInfo info, String method) {
        Statement plain = (Statement) statement;
        String[] keys = keysToAskFor(sql, info, () -> connectionOf(plain));
        if (keys == null) {
            return null;
        }
        Object result;
        try {
            switch (method) {
                case "executeUpdate":
                    result = plain.executeUpdate(sql, keys);
                    break;
                case "executeLargeUpdate":
                    result = plain.executeLargeUpdate(sql, keys);
                    break;
                default:
                    result = plain.execute(sql, keys);
                    break;
            }
        } catch (SQLException | RuntimeException e) {
            return AgentAnswer.failed(e);
        }
        askedByAgent(statement);
        return new AgentAnswer(result);
    }

    private void askedByAgent(Object statement) {
        keysOf(statement).askedByAgent = true;
    }

    /** The key columns to ask the driver for, or null when the statement needs none or the application asks. */
    private String[] keysToAskFor(String sql, SqlInfo info, Supplier<Connection> connection) {
        if (!active() || info == null || !"INSERT".equals(info.verb()) || info.table() == null) {
            return null;
        }
        TableKeys keys = columns.of(info.table(), connection);
        if (keys == null || keys.isEmpty() || keys.plan(sql).kind() != KeyedInsert.Plan.Kind.KEYED) {
            return null;
        }
        return keys.columnArray();
    }

    /** The application asked for keys with {@code request}: the flag, column indexes or names it passed. */
    public void requested(Object statement, Object request) {
        if (!active()) {
            return;
        }
        boolean asked = request instanceof Integer ? (Integer) request == Statement.RETURN_GENERATED_KEYS
                : request instanceof int[] ? ((int[]) request).length > 0
                : request instanceof String[] && ((String[]) request).length > 0;
        // not asking (NO_GENERATED_KEYS, an empty or null array) leaves the request the agent may have made: a
        // driver may pass such a call on to prepareStatement(String) or executeUpdate(String), which the agent answers
        if (asked) {
            keysOf(statement).askedByAgent = false;
        }
    }

    private StatementKeys keysOf(Object statement) {
        StatementKeys keys = statements.get(statement);
        if (keys == null) {
            keys = new StatementKeys();
            statements.put(statement, keys);
            following = true;
        }
        return keys;
    }

    /** A followed statement ran: the keys the agent copied from its previous execution are the driver's no more. */
    public void executed(Object statement) {
        if (following && statement != null) {
            StatementKeys keys = statements.get(statement);
            if (keys != null) {
                keys.executed();
            }
        }
    }

    /**
     * Enters the application's {@code getGeneratedKeys()}: what the driver would have answered had the agent not
     * asked for or read the keys, or null to let the driver answer.
     */
    public AgentAnswer answer(Object statement) {
        StatementKeys keys = following ? statements.get(statement) : null;
        if (keys == null) {
            return null;
        }
        if (keys.askedByAgent) {
            return notAsked(statement);
        }
        if (keys.copied == null) {
            return null;
        }
        if (dialect == SqlDialect.MYSQL) {
            return new AgentAnswer(KeysResultSet.of(keys.copied, statement));
        }
        // PostgreSQL's driver gives the same result set every time, read once
        if (keys.answered == null) {
            keys.answered = KeysResultSet.of(keys.copied, statement);
        }
        return new AgentAnswer(keys.answered);
    }

    private AgentAnswer notAsked(Object statement) {
        if (dialect == SqlDialect.POSTGRESQL) {
            return new AgentAnswer(KeysResultSet.empty(statement));
        }
        return AgentAnswer.failed(statement.getClass().getName().startsWith("com.mysql.")
                ? new SQLException(MYSQL_NOT_ASKED, "S1009") : new SQLException(MARIADB_NOT_ASKED));
    }

    /**
     * The write to mirror for {@code write}, which the primary just ran through {@code statement}: the same, or
     * an INSERT carrying the keys the primary generated, or one that fails on the secondary with the reason.
     */
    public MirroredWrite carry(Object statement, SqlInfo info, MirroredWrite write) {
        if (!active() || info == null) {
            return write;
        }
        if (write instanceof StatementWrite && write.isBatch()) {
            return carryStatementBatch(statement, write);
        }
        if (!"INSERT".equals(info.verb()) || info.table() == null) {
            return write;
        }
        TableKeys keys = columns.of(info.table(), () -> connectionOf(statement));
        if (keys == null || keys.isEmpty()) {
            return write;
        }
        String sql = write.sqlTexts().get(0);
        KeyedInsert.Plan plan = keys.plan(sql);
        switch (plan.kind()) {
            case UNCHANGED:
                return write;
            case UNCARRIABLE:
                return uncarriable(write, sql, plan.reason());
            default:
                return keyed(statement, write, sql, plan);
        }
    }

    private MirroredWrite carryStatementBatch(Object statement, MirroredWrite write) {
        for (String sql : write.sqlTexts()) {
            SqlInfo info = classifier.apply(sql);
            if (!"INSERT".equals(info.verb()) || info.table() == null) {
                continue;
            }
            TableKeys keys = columns.of(info.table(), () -> connectionOf(statement));
            if (keys != null && !keys.isEmpty() && keys.plan(sql).kind() != KeyedInsert.Plan.Kind.UNCHANGED) {
                return uncarriable(write, sql, "a batch of SQL texts (Statement.addBatch(String)) does not return "
                        + "the keys the primary generated; use a PreparedStatement batch");
            }
        }
        return write;
    }

    private MirroredWrite keyed(Object statement, MirroredWrite write, String sql, KeyedInsert.Plan plan) {
        StatementKeys state = following ? statements.get(statement) : null;
        if (state == null) {
            return uncarriable(write, sql, "the statement was prepared in a form the agent does not ask keys for "
                    + "(NO_GENERATED_KEYS, or result set type, concurrency or holdability arguments)");
        }
        CopiedKeys copied;
        CallDepth.suppress();
        try {
            copied = CopiedKeys.readAll(((Statement) statement).getGeneratedKeys());
        } catch (SQLException | RuntimeException e) {
            return uncarriable(write, sql, "the driver did not return the generated keys (" + e + ")");
        } finally {
            CallDepth.unsuppress();
        }
        state.copied = copied;
        List<Parameter[]> rows = write instanceof PreparedWrite ? ((PreparedWrite) write).rows()
                : List.<Parameter[]>of(new Parameter[0]);
        List<List<Object>> keys;
        try {
            keys = keysPerExecution(statement, copied, plan, rows.size());
        } catch (SQLException e) {
            return uncarriable(write, sql, e.getMessage());
        }
        List<Parameter[]> keyed = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            keyed.add(plan.bind(rows.get(i), keys.get(i)));
        }
        String description = write instanceof PreparedWrite ? ((PreparedWrite) write).description()
                : ((StatementWrite) write).description();
        return new PreparedWrite(plan.sql(), description, keyed, write.isBatch());
    }

    /** The key values of each execution, row by row, each row's keys in the order of the plan's key columns. */
    private List<List<Object>> keysPerExecution(Object statement, CopiedKeys copied, KeyedInsert.Plan plan,
            int executions) throws SQLException {
        List<String> keyColumns = plan.keys();
        int[] positions = new int[keyColumns.size()];
        for (int k = 0; k < positions.length; k++) {
            positions[k] = copied.columnOf(keyColumns.get(k), dialect == SqlDialect.MYSQL && positions.length == 1);
            if (positions[k] < 0) {
                throw new SQLException("the driver returned no column " + keyColumns.get(k) + " among the keys "
                        + copied.labels() + " (the application asked for other columns)");
            }
        }
        int rowsPerExecution = plan.rows();
        List<Object[]> returned = copied.rows();
        boolean consecutive = false;
        long step = 1;
        if (returned.size() != executions * rowsPerExecution) {
            // MariaDB/MySQL return the first key of a multi-row INSERT only; the others follow it, step apart
            consecutive = dialect == SqlDialect.MYSQL && returned.size() == executions && positions.length == 1;
            if (!consecutive) {
                throw new SQLException("the primary returned " + returned.size() + " generated keys for "
                        + executions * rowsPerExecution + " rows" + (plan.hasConflictClause()
                        ? " (ON CONFLICT skipped some of them)" : ""));
            }
            step = autoIncrementIncrement(statement);
        }
        List<List<Object>> keys = new ArrayList<>(executions);
        for (int e = 0; e < executions; e++) {
            List<Object> values = new ArrayList<>(rowsPerExecution * positions.length);
            for (int r = 0; r < rowsPerExecution; r++) {
                if (consecutive) {
                    values.add(plus(returned.get(e)[positions[0]], r * step));
                    continue;
                }
                Object[] row = returned.get(e * rowsPerExecution + r);
                for (int position : positions) {
                    values.add(portable(row[position]));
                }
            }
            keys.add(values);
        }
        return keys;
    }

    private static long autoIncrementIncrement(Object statement) throws SQLException {
        CallDepth.suppress();
        try (Statement query = ((Statement) statement).getConnection().createStatement();
                ResultSet rs = query.executeQuery("SELECT @@auto_increment_increment")) {
            return rs.next() ? rs.getLong(1) : 1;
        } finally {
            CallDepth.unsuppress();
        }
    }

    private static Object plus(Object first, long offset) throws SQLException {
        if (!(first instanceof Number)) {
            throw new SQLException("the generated key " + first + " is not a number");
        }
        return new BigInteger(first.toString()).add(BigInteger.valueOf(offset)).longValueExact();
    }

    /** A key as bound on the secondary: MariaDB's BIGINT UNSIGNED keys as the long they fit in. */
    private static Object portable(Object key) {
        if (key instanceof BigInteger && ((BigInteger) key).bitLength() < Long.SIZE) {
            return ((BigInteger) key).longValue();
        }
        return key;
    }

    private MirroredWrite uncarriable(MirroredWrite write, String sql, String reason) {
        if (loggedUncarried.size() < MAX_LOGGED && loggedUncarried.add(sql)) {
            log.warn("the keys the primary generates cannot be carried to the secondary for {}: {}; such writes "
                    + "fail on the secondary and go to the dead-letter file", write.describe(), reason);
        }
        return new UncarriedKeysWrite(write, reason);
    }

    private static Connection connectionOf(Object statement) {
        CallDepth.suppress();
        try {
            return ((Statement) statement).getConnection();
        } catch (SQLException | RuntimeException e) {
            return null;
        } finally {
            CallDepth.unsuppress();
        }
    }
}
