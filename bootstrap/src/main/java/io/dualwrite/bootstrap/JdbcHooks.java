package io.dualwrite.bootstrap;

/**
 * The facade that advice inlined into driver classes calls. Until the agent installs its handler, and
 * whenever it is inactive, every hook does nothing. The agent's own JDBC work runs inside
 * {@link CallDepth#suppress()}, so nothing it does on the secondary is ever seen here.
 */
public final class JdbcHooks {

    /** {@code getResultSet()}, for {@link #enterResultCall}. */
    public static final int RESULT_SET = 0;
    /** {@code getUpdateCount()}. */
    public static final int UPDATE_COUNT = 1;
    /** {@code getMoreResults()} and {@code getMoreResults(int)}. */
    public static final int MORE_RESULTS = 2;
    /** {@code getLargeUpdateCount()}. */
    public static final int LARGE_UPDATE_COUNT = 3;

    private static volatile HookHandler handler;

    private JdbcHooks() {
    }

    public static void install(HookHandler newHandler) {
        handler = newHandler;
    }

    private static HookHandler active() {
        HookHandler current = handler;
        return current == null || CallDepth.isSuppressed() ? null : current;
    }

    public static void onConnect(String url, Object connection) {
        HookHandler h = active();
        if (h != null && connection != null) {
            h.onConnect(url, connection);
        }
    }

    public static void onStatementCreated(Object connection, Object statement, String preparedSql) {
        HookHandler h = active();
        if (h != null && statement != null) {
            h.onStatementCreated(connection, statement, preparedSql);
        }
    }

    /**
     * Returns what the driver's method ends with: {@code thrown} when it threw (the hook then does nothing),
     * else the exception the agent raises instead of success, or null. So do the other methods taking thrown.
     */
    public static Throwable onAutoCommit(Object connection, boolean autoCommit, Throwable thrown) {
        HookHandler h = active();
        return h == null || thrown != null ? thrown : h.onAutoCommit(connection, autoCommit);
    }

    public static Throwable onCommit(Object connection, Throwable thrown) {
        HookHandler h = active();
        return h == null || thrown != null ? thrown : h.onCommit(connection);
    }

    public static void onRollback(Object connection, Object savepointOrNull) {
        HookHandler h = active();
        if (h != null) {
            h.onRollback(connection, savepointOrNull);
        }
    }

    public static void onSavepoint(Object connection, Object savepoint) {
        HookHandler h = active();
        if (h != null && savepoint != null) {
            h.onSavepoint(connection, savepoint);
        }
    }

    public static void onReleaseSavepoint(Object connection, Object savepoint) {
        HookHandler h = active();
        if (h != null) {
            h.onReleaseSavepoint(connection, savepoint);
        }
    }

    public static void onConnectionClose(Object connection) {
        HookHandler h = active();
        if (h != null) {
            h.onConnectionClose(connection);
        }
    }

    public static Object enterExecute(Object statement) {
        HookHandler h = active();
        return h == null ? null : h.enterExecute(statement);
    }

    /** The hook also sees a write that threw, to end its call depth; what it returns then is ignored. */
    public static Throwable exitExecute(Object token, String sql, Throwable thrown) {
        HookHandler h = handler;
        if (h == null || token == null) {
            return thrown;
        }
        Throwable raised = h.exitExecute(token, sql, thrown);
        return thrown != null ? thrown : raised;
    }

    /** @param method the name of the method entered: {@code executeQuery} or {@code execute} */
    public static Object enterQuery(Object statement, String sqlOrNull, String method) {
        HookHandler h = active();
        return h == null ? null : h.enterQuery(statement, sqlOrNull, "executeQuery".equals(method));
    }

    public static Object queryResult(Object token, Object result) {
        HookHandler h = handler;
        return h == null || token == null || result == null ? result : h.queryResult(token, result);
    }

    public static AgentAnswer enterResultCall(Object statement, int which) {
        HookHandler h = active();
        return h == null ? null : h.enterResultCall(statement, which);
    }

    public static Object resultSet(Object statement, Object result) {
        HookHandler h = active();
        return h == null || result == null ? result : h.resultSet(statement, result);
    }

    public static Throwable exitBatch(Object token, Object counts, Throwable thrown) {
        HookHandler h = handler;
        if (h == null || token == null) {
            return thrown;
        }
        Throwable raised = h.exitBatch(token, counts, thrown);
        return thrown != null ? thrown : raised;
    }

    public static void onAddBatch(Object statement, String sqlOrNull) {
        HookHandler h = active();
        if (h != null) {
            h.onAddBatch(statement, sqlOrNull);
        }
    }

    public static void onClearBatch(Object statement) {
        HookHandler h = active();
        if (h != null) {
            h.onClearBatch(statement);
        }
    }

    public static void onClearParameters(Object statement) {
        HookHandler h = active();
        if (h != null) {
            h.onClearParameters(statement);
        }
    }

    public static void onParameter(Object statement, String setter, Object[] args) {
        HookHandler h = active();
        if (h != null) {
            h.onParameter(statement, setter, args);
        }
    }

    public static Object replayableStream(Object statement, Object stream, Object[] args) {
        HookHandler h = active();
        return h == null || stream == null ? stream : h.replayableStream(statement, stream, args);
    }

    public static void onStatementClose(Object statement) {
        HookHandler h = active();
        if (h != null) {
            h.onStatementClose(statement);
        }
    }

    // ----- writes.nondeterministic: rewrite -----

    public static String prepareSql(Object connection, String sql) {
        HookHandler h = active();
        return h == null || sql == null ? sql : h.prepareSql(connection, sql);
    }

    /** Enters a parameter setter: the index the driver gets. Always paired with {@link #exitRewritten()}. */
    public static int enterSetter(Object statement, int index) {
        if (CallDepth.current().enterRewritten() != 1) {
            return index;
        }
        HookHandler h = active();
        return h == null ? index : h.parameterIndex(statement, index);
    }

    /** Enters an execute or addBatch call. Always paired with {@link #exitRewritten()}. */
    public static void enterExecution(Object statement) {
        if (CallDepth.current().enterRewritten() != 1) {
            return;
        }
        HookHandler h = active();
        if (h != null) {
            h.bindNondeterministic(statement);
        }
    }

    public static void exitRewritten() {
        CallDepth.current().exitRewritten();
    }

    // ----- generated keys -----

    public static AgentAnswer prepareForKeys(Object connection, String sql) {
        HookHandler h = active();
        return h == null || sql == null ? null : h.prepareForKeys(connection, sql);
    }

    public static AgentAnswer executeForKeys(Object statement, String sql, String method) {
        HookHandler h = active();
        return h == null || sql == null ? null : h.executeForKeys(statement, sql, method);
    }

    public static void onKeysRequested(Object statement, Object request) {
        HookHandler h = active();
        if (h != null && statement != null) {
            h.onKeysRequested(statement, request);
        }
    }

    public static AgentAnswer generatedKeys(Object statement) {
        HookHandler h = active();
        return h == null ? null : h.generatedKeys(statement);
    }
}
