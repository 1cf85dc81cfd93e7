package io.dualwrite.agent.capture;

import com.blogspot.mydailyjava.weaklockfree.WeakConcurrentMap;
import io.dualwrite.agent.config.AgentConfig;
import io.dualwrite.agent.config.Glob;
import io.dualwrite.agent.keys.GeneratedKeys;
import io.dualwrite.agent.metrics.WriteStats;
import io.dualwrite.agent.mirror.Mirror;
import io.dualwrite.agent.mirror.StrictTransaction;
import io.dualwrite.agent.mirror.WriteSink;
import io.dualwrite.agent.nondeterministic.NondeterministicWrites;
import io.dualwrite.agent.read.ReadRouter;
import io.dualwrite.agent.read.StatementReads;
import io.dualwrite.agent.sql.SqlClassificationCache;
import io.dualwrite.agent.sql.SqlInfo;
import io.dualwrite.agent.sql.SqlKind;
import io.dualwrite.agent.write.MirroredWrite;
import io.dualwrite.agent.write.PreparedWrite;
import io.dualwrite.agent.write.StatementWrite;
import io.dualwrite.bootstrap.AgentAnswer;
import io.dualwrite.bootstrap.CallDepth;
import io.dualwrite.bootstrap.HookHandler;
import java.io.InputStream;
import java.io.Reader;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The agent's side of every hook: follows the connections whose URL matches the primary pattern and their
 * statements, captures what each write sent to the primary, and once the primary has it (at once in
 * auto-commit, at commit otherwise) hands it to the mirror. Queries go to the read router, which may answer
 * them from the secondary. JDBC objects are held weakly, so the agent never
 * keeps a connection or statement alive. Hooks that end a write return what the application must see instead
 * of success: null, except with {@code on-failure: fail}.
 */
public final class JdbcEvents implements HookHandler {

    private static final int CLASSIFICATION_CACHE_SIZE = 4096;

    private final Glob primaryUrl;
    private final WriteSelector selector;
    private final Mirror mirror;
    private final WriteSink sink;
    private final WriteStats stats;
    private final ReadRouter reads;
    private final SqlClassificationCache classifier = new SqlClassificationCache(CLASSIFICATION_CACHE_SIZE);
    private final WeakConcurrentMap<Object, ConnectionState> connections = new WeakConcurrentMap.WithInlinedExpunction<>();
    private final WeakConcurrentMap<Object, StatementState> statements = new WeakConcurrentMap.WithInlinedExpunction<>();
    private final AtomicLong connectionIds = new AtomicLong();
    private volatile boolean mirroring = true;
    private final Supplier<StrictTransaction> strictTransactions;
    private final NondeterministicWrites nondeterministic;
    private final RewrittenStatements rewritten;
    private final GeneratedKeys keys;

    /** @param sink where committed writes go: the mirror itself (sync) or its queue (async) */
    public JdbcEvents(AgentConfig config, Mirror mirror, WriteSink sink, WriteStats stats, ReadRouter reads,
            Logger log) {
        this.primaryUrl = config.primaryUrlPattern();
        this.selector = new WriteSelector(config.writes(), log);
        this.mirror = mirror;
        this.sink = sink;
        this.strictTransactions = () -> mirror.strict() ? mirror.strictTransaction() : null;
        this.stats = stats;
        this.reads = reads;
        this.nondeterministic = new NondeterministicWrites(config.writes().nondeterministic(),
                mirror.translator().from().backslashEscapes(), stats, log);
        this.rewritten = new RewrittenStatements(nondeterministic, log);
        this.keys = new GeneratedKeys(mirror.translator().from(), classifier::classify, log);
    }

    @Override
    public void onConnect(String url, Object connection) {
        connections.put(connection, follow(url, connection));
    }

    private ConnectionState follow(String url, Object connection) {
        if (url == null || !primaryUrl.matches(url)) {
            return ConnectionState.NOT_MIRRORED;
        }
        mirror.rememberDriverLoader(connection.getClass().getClassLoader());
        long id = connectionIds.incrementAndGet();
        CallDepth.suppress();
        try {
            return new ConnectionState(id, ((Connection) connection).getAutoCommit());
        } catch (Exception e) {
            return new ConnectionState(id, true);
        } finally {
            CallDepth.unsuppress();
        }
    }

    @Override
    public void onStatementCreated(Object connection, Object statement, String preparedSql) {
        ConnectionState state = stateOf(connection);
        if (!state.isMirrored()) {
            return;
        }
        SqlInfo info = preparedSql == null ? null : classifier.classify(preparedSql);
        if (info == null || WriteSelector.mayWrite(info) || info.kind() == SqlKind.READ) {
            statements.put(statement, new StatementState(state, statement, preparedSql, info));
        }
        if (preparedSql != null && nondeterministic.rewrites()) {
            rewritten.created(statement, preparedSql);
        }
    }

    private ConnectionState stateOf(Object connection) {
        ConnectionState state = connections.get(connection);
        if (state == null) {
            // opened without Driver.connect (a DataSource building its connections itself): ask for its URL once
            state = follow(urlOf(connection), connection);
            connections.put(connection, state);
        }
        return state;
    }

    private static String urlOf(Object connection) {
        CallDepth.suppress();
        try {
            return ((Connection) connection).getMetaData().getURL();
        } catch (Exception e) {
            return null;
        } finally {
            CallDepth.unsuppress();
        }
    }

    @Override
    public Throwable onAutoCommit(Object connection, boolean autoCommit) {
        ConnectionState state = connections.get(connection);
        if (state == null || !state.isMirrored()) {
            return null;
        }
        String origin = state.origin();
        return state.setAutoCommit(autoCommit) ? commit(state, origin) : null;
    }

    @Override
    public Throwable onCommit(Object connection) {
        ConnectionState state = connections.get(connection);
        return state != null && state.isMirrored() ? commit(state, state.origin()) : null;
    }

    private Throwable commit(ConnectionState state, String origin) {
        state.reads.transactionEnded(true);
        StrictTransaction strict = state.strict();
        List<MirroredWrite> committed = state.takePending();
        if (committed.isEmpty()) {
            return null;
        }
        return strict != null ? strict.commit(origin, committed) : sink.apply(origin, committed);
    }

    @Override
    public void onRollback(Object connection, Object savepointOrNull) {
        ConnectionState state = connections.get(connection);
        if (state == null || !state.isMirrored()) {
            return;
        }
        if (savepointOrNull == null) {
            rollBack(state);
        } else {
            stats.rollBack(state.rollbackTo(savepointOrNull));
            if (state.strict() != null) {
                state.strict().rollbackTo(state.pending());
            }
        }
    }

    @Override
    public void onSavepoint(Object connection, Object savepoint) {
        ConnectionState state = connections.get(connection);
        if (state != null && state.isMirrored()) {
            state.savepoint(savepoint);
        }
    }

    @Override
    public void onReleaseSavepoint(Object connection, Object savepoint) {
        ConnectionState state = connections.get(connection);
        if (state != null && state.isMirrored()) {
            state.releaseSavepoint(savepoint);
        }
    }

    /** Closing with a transaction open: the primary's driver rolls it back, so its writes are dropped. */
    @Override
    public void onConnectionClose(Object connection) {
        ConnectionState state = connections.remove(connection);
        if (state != null && state.isMirrored()) {
            rollBack(state);
            state.reads.close();
        }
    }

    private void rollBack(ConnectionState state) {
        state.reads.transactionEnded(false);
        StrictTransaction strict = state.strict();
        stats.rollBack(state.dropPending());
        if (strict != null) {
            strict.rollback();
        }
    }

    @Override
    public Object enterExecute(Object statement) {
        StatementState state = statements.get(statement);
        if (state != null && CallDepth.current().enter() == 1 && state.readsOrNull() != null) {
            state.readsOrNull().end();
        }
        return state;
    }

    @Override
    public Object enterQuery(Object statement, String sqlOrNull, boolean rows) {
        StatementState state = statements.get(statement);
        if (state == null) {
            return null;
        }
        if (CallDepth.current().enter() == 1) {
            String sql = sqlOrNull != null ? sqlOrNull : state.preparedSql;
            AgentAnswer answer = sql == null ? null : reads.enter(state, sql, rows);
            if (answer != null) {
                CallDepth.current().exit();
                return answer;
            }
        }
        return state;
    }

    @Override
    public Object queryResult(Object token, Object result) {
        StatementReads statementReads = ((StatementState) token).readsOrNull();
        return statementReads == null || !CallDepth.current().outside() ? result
                : reads.result(statementReads, result);
    }

    @Override
    public AgentAnswer enterResultCall(Object statement, int which) {
        StatementState state = statements.get(statement);
        StatementReads statementReads = state == null ? null : state.readsOrNull();
        return statementReads == null ? null : reads.resultCall(statementReads, which);
    }

    @Override
    public Object resultSet(Object statement, Object result) {
        StatementState state = statements.get(statement);
        StatementReads statementReads = state == null ? null : state.readsOrNull();
        return statementReads == null ? result : reads.resultSet(statementReads, result);
    }

    @Override
    public Throwable exitExecute(Object token, String sql, Throwable thrown) {
        if (CallDepth.current().exit() != 0 || thrown != null) {
            return null;
        }
        StatementState state = (StatementState) token;
        keys.executed(state.statement());
        SqlInfo info = sql != null ? classifier.classify(sql) : state.preparedInfo;
        if (info == null || !WriteSelector.mayWrite(info)) {
            return null;
        }
        ConnectionState connection = state.connection;
        connection.reads.wrote(connection.autoCommit());
        if (!mirrors(connection)) {
            return null;
        }
        if (sql != null) {
            if (decide(info, sql)) {
                nondeterministic.mirrored(sql, false);
                return route(state, keys.carry(state.statement(), info,
                        new StatementWrite(List.of(sql), describe(info), false)));
            }
        } else if (decide(info, state.preparedSql)) {
            nondeterministic.mirrored(state.preparedSql, true);
            return route(state, keys.carry(state.statement(), info, new PreparedWrite(state.preparedSql,
                    describe(info), List.<Parameter[]>of(state.row()), false)));
        }
        return null;
    }

    /** A batch that failed part way: only the entries the primary executed are mirrored. */
    @Override
    public Throwable exitBatch(Object token, Object counts, Throwable thrown) {
        StatementState state = (StatementState) token;
        if (CallDepth.current().exit() != 0) {
            return null;
        }
        try {
            keys.executed(state.statement());
            state.connection.reads.wrote(state.connection.autoCommit());
            if (!mirrors(state.connection)) {
                return null;
            }
            if (state.preparedSql != null) {
                List<Parameter[]> rows = ExecutedBatch.entries(state.batchRows(), counts, thrown);
                if (!rows.isEmpty() && decide(state.preparedInfo, state.preparedSql)) {
                    nondeterministic.mirrored(state.preparedSql, true);
                    return route(state, keys.carry(state.statement(), state.preparedInfo,
                            new PreparedWrite(state.preparedSql, describe(state.preparedInfo), rows, true)));
                }
                return null;
            }
            return mirrorStatementBatch(state, ExecutedBatch.entries(state.batchSql(), counts, thrown));
        } finally {
            state.clearBatch();
        }
    }

    /** The entries that are writes to mirrored tables go as one batch; when none is, the batch was skipped. */
    private Throwable mirrorStatementBatch(StatementState state, List<String> executed) {
        List<String> mirrored = new ArrayList<>();
        SqlInfo first = null;
        boolean anyWrite = false;
        for (String sql : executed) {
            SqlInfo info = classifier.classify(sql);
            WriteSelector.Decision decision = selector.decide(info, sql);
            anyWrite |= decision != WriteSelector.Decision.NOT_A_WRITE;
            if (decision == WriteSelector.Decision.MIRROR) {
                mirrored.add(sql);
                first = first == null ? info : first;
            }
        }
        if (!mirrored.isEmpty()) {
            nondeterministic.mirrored(mirrored);
            return route(state, keys.carry(state.statement(), first,
                    new StatementWrite(mirrored, describe(first), true)));
        }
        if (anyWrite) {
            stats.skip();
        }
        return null;
    }

    /**
     * Whether a write on this connection is mirrored now: while mirroring is on, for an auto-commit write; as
     * decided at its first write, for a transaction.
     */
    private boolean mirrors(ConnectionState connection) {
        if (connection.autoCommit()) {
            return mirroring;
        }
        return connection.mirrorsTransaction(mirroring, strictTransactions);
    }

    /**
     * Turns mirroring of new writes on or off while the application runs ({@code enabled} reloaded): writes made
     * while it is off are not mirrored, not even counted; transactions under way finish as they began.
     */
    public void mirroring(boolean on) {
        mirroring = on;
    }

    /** True when the statement is mirrored; a skipped write is counted here. */
    private boolean decide(SqlInfo info, String sql) {
        WriteSelector.Decision decision = selector.decide(info, sql);
        if (decision == WriteSelector.Decision.SKIP) {
            stats.skip();
        }
        return decision == WriteSelector.Decision.MIRROR;
    }

    private Throwable route(StatementState state, MirroredWrite write) {
        ConnectionState connection = state.connection;
        if (connection.autoCommit()) {
            return sink.apply(connection.origin(), List.of(write));
        }
        connection.add(write);
        return connection.strict() != null ? connection.strict().write(write) : null;
    }

    private static String describe(SqlInfo info) {
        return info.table() == null ? info.verb() : info.verb() + " " + info.table();
    }

    @Override
    public void onAddBatch(Object statement, String sqlOrNull) {
        StatementState state = statements.get(statement);
        if (state == null) {
            return;
        }
        if (sqlOrNull != null) {
            state.addBatchSql(sqlOrNull);
        } else {
            state.addBatchRow();
        }
    }

    @Override
    public void onClearBatch(Object statement) {
        StatementState state = statements.get(statement);
        if (state != null) {
            state.clearBatch();
        }
    }

    @Override
    public void onClearParameters(Object statement) {
        StatementState state = statements.get(statement);
        if (state != null) {
            state.clearParameters();
        }
    }

    @Override
    public void onParameter(Object statement, String setter, Object[] args) {
        StatementState state = statements.get(statement);
        if (state != null) {
            state.bind(setter, args);
        }
    }

    @Override
    public Object replayableStream(Object statement, Object stream, Object[] args) {
        if (statements.get(statement) == null) {
            return stream;
        }
        long limit = args.length > 2 && args[2] instanceof Number ? ((Number) args[2]).longValue() : -1;
        if (stream instanceof InputStream) {
            return ReplayableInputStream.of((InputStream) stream, limit);
        }
        if (stream instanceof Reader) {
            return ReplayableReader.of((Reader) stream, limit);
        }
        return stream;
    }

    @Override
    public void onStatementClose(Object statement) {
        StatementState state = statements.remove(statement);
        StatementReads statementReads = state == null ? null : state.readsOrNull();
        if (statementReads != null) {
            statementReads.end();
        }
    }

    // ----- writes.nondeterministic: rewrite -----

    /** Only writes the agent mirrors are rewritten: the others' values need not agree with anything. */
    @Override
    public String prepareSql(Object connection, String sql) {
        if (!nondeterministic.holdsAny(sql) || !stateOf(connection).isMirrored()) {
            return sql;
        }
        SqlInfo info = classifier.classify(sql);
        boolean mirrored = info.kind() == SqlKind.WRITE && selector.decide(info, sql) == WriteSelector.Decision.MIRROR;
        return mirrored ? rewritten.prepare(sql) : sql;
    }

    @Override
    public int parameterIndex(Object statement, int index) {
        return rewritten.parameterIndex(statement, index);
    }

    @Override
    public void bindNondeterministic(Object statement) {
        StatementState state = statements.get(statement);
        if (state != null) {
            rewritten.bind(statement, state);
        }
    }

    // ----- generated keys -----

    @Override
    public AgentAnswer prepareForKeys(Object connection, String sql) {
        return stateOf(connection).isMirrored() ? keys.prepare(connection, sql, classifier.classify(sql)) : null;
    }

    @Override
    public AgentAnswer executeForKeys(Object statement, String sql, String method) {
        StatementState state = statements.get(statement);
        return state == null || state.preparedSql != null ? null
                : keys.execute(statement, sql, classifier.classify(sql), method);
    }

    @Override
    public void onKeysRequested(Object statement, Object request) {
        if (statements.get(statement) != null) {
            keys.requested(statement, request);
        }
    }

    @Override
    public AgentAnswer generatedKeys(Object statement) {
        return keys.answer(statement);
    }
}
