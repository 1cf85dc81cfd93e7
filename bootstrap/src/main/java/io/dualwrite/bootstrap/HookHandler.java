package io.dualwrite.bootstrap;

/**
 * What the agent does when instrumented JDBC code runs. Implemented inside the agent's isolated class
 * loader and installed into {@link JdbcHooks}. JDBC objects travel as {@code Object}: this class lives on
 * the bootstrap class path, where the {@code java.sql} module is not visible.
 */
public interface HookHandler {

    void onConnect(String url, Object connection);

    void onStatementCreated(Object connection, Object statement, String preparedSql);

    /** Returns what the application must see instead of success, or null; so do the other hooks that return one. */
    Throwable onAutoCommit(Object connection, boolean autoCommit);

    Throwable onCommit(Object connection);

    void onRollback(Object connection, Object savepointOrNull);

    void onSavepoint(Object connection, Object savepoint);

    void onReleaseSavepoint(Object connection, Object savepoint);

    void onConnectionClose(Object connection);

    /** Returns a token for {@link #exitExecute}, or null when this call is not one the agent follows. */
    Object enterExecute(Object statement);

    Throwable exitExecute(Object token, String sql, Throwable thrown);

    /**
     * Enters {@code executeQuery} or {@code execute}: returns null when the statement is not followed, an
     * {@link AgentAnswer} when the agent answers in the driver's place, else a token for {@link #exitExecute}
     * and {@link #queryResult}.
     *
     * @param rows true for {@code executeQuery}, whose answer is a result set; false for {@code execute}
     */
    Object enterQuery(Object statement, String sqlOrNull, boolean rows);

    /** What the application gets from a query that returned {@code result}: the same, or a copying wrapper. */
    Object queryResult(Object token, Object result);

    /**
     * Enters {@code getResultSet}, {@code getUpdateCount} or {@code getMoreResults} ({@code which} is one of
     * {@link JdbcHooks#RESULT_SET}, ...): an {@link AgentAnswer} when the agent answered the query, else null.
     */
    AgentAnswer enterResultCall(Object statement, int which);

    /** What the application gets from {@code getResultSet()}: the driver's {@code result}, or a copying wrapper. */
    Object resultSet(Object statement, Object result);

    /** {@code counts} is the {@code int[]} or {@code long[]} the driver returned, or null when it threw. */
    Throwable exitBatch(Object token, Object counts, Throwable thrown);

    void onAddBatch(Object statement, String sqlOrNull);

    void onClearBatch(Object statement);

    void onClearParameters(Object statement);

    void onParameter(Object statement, String setter, Object[] args);

    /** Returns what the driver should read instead of {@code stream}: the same content, kept for the mirror. */
    Object replayableStream(Object statement, Object stream, Object[] args);

    void onStatementClose(Object statement);

    // ----- writes.nondeterministic: rewrite (these hooks are installed in that mode only) -----

    /** The SQL the driver prepares instead of {@code sql}: the same, or with non-deterministic expressions as {@code ?}. */
    String prepareSql(Object connection, String sql);

    /** Where the driver gets the value the application sets at {@code index} of a rewritten statement. */
    int parameterIndex(Object statement, int index);

    /** Before a rewritten statement executes or adds a batch row: its expressions are evaluated once and bound. */
    void bindNondeterministic(Object statement);

    // ----- generated keys -----

    /**
     * Enters {@code Connection.prepareStatement(String)}: an {@link AgentAnswer} holding the statement the agent
     * prepared instead, asking the driver for the keys the primary generates, or null to let the driver run.
     */
    AgentAnswer prepareForKeys(Object connection, String sql);

    /**
     * Enters {@code execute/executeUpdate/executeLargeUpdate(String)} of a plain statement: an {@link AgentAnswer}
     * with the result of the same call made asking for the generated keys, or null to let the driver run.
     *
     * @param method the name of the method entered
     */
    AgentAnswer executeForKeys(Object statement, String sql, String method);

    /**
     * The application asked for generated keys: {@code request} is the second argument it passed to
     * {@code prepareStatement} (after it returned {@code statement}) or to a plain statement's execute call
     * (before it runs): an {@code Integer} flag, an {@code int[]} or a {@code String[]}.
     */
    void onKeysRequested(Object statement, Object request);

    /** Enters {@code getGeneratedKeys()}: an {@link AgentAnswer} when the agent answers, else null. */
    AgentAnswer generatedKeys(Object statement);
}
