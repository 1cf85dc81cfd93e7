package io.dualwrite.agent.instrument;

import io.dualwrite.bootstrap.JdbcHooks;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Advice on {@code java.sql.Statement} implementations. Execute calls are bracketed (enter and exit) so
 * that a driver calling its own public methods counts as one application write; exit advice also runs
 * when the driver threw, and hands the exception over so that failed writes are never mirrored. With
 * {@code on-failure: fail} the exit advice may replace the method's success with the agent's exception.
 */
public final class StatementAdvice {

    private StatementAdvice() {
    }

    /** {@code executeUpdate/executeLargeUpdate(String, ...)} of any statement. */
    public static final class ExecuteSql {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static Object enter(@Advice.This Object statement) {
            return JdbcHooks.enterExecute(statement);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter Object token, @Advice.Argument(0) String sql,
                         @Advice.Thrown(readOnly = false) Throwable thrown) {
            thrown = JdbcHooks.exitExecute(token, sql, thrown);
        }
    }

    /** {@code executeUpdate/executeLargeUpdate()} of a prepared statement. */
    public static final class ExecutePrepared {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static Object enter(@Advice.This Object statement) {
            return JdbcHooks.enterExecute(statement);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter Object token, @Advice.Thrown(readOnly = false) Throwable thrown) {
            thrown = JdbcHooks.exitExecute(token, null, thrown);
        }
    }

    /** {@code executeBatch()} and {@code executeLargeBatch()}. */
    public static final class ExecuteBatch {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static Object enter(@Advice.This Object statement) {
            return JdbcHooks.enterExecute(statement);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter Object token,
                         @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object counts,
                         @Advice.Thrown(readOnly = false) Throwable thrown) {
            thrown = JdbcHooks.exitBatch(token, counts, thrown);
        }
    }

    /** {@code addBatch(String)}. */
    public static final class AddBatchSql {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object statement, @Advice.Argument(0) String sql) {
            JdbcHooks.onAddBatch(statement, sql);
        }
    }

    /** {@code addBatch()} of a prepared statement: the bound values become one batch row. */
    public static final class AddBatchRow {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object statement) {
            JdbcHooks.onAddBatch(statement, null);
        }
    }

    public static final class ClearBatch {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object statement) {
            JdbcHooks.onClearBatch(statement);
        }
    }

    public static final class ClearParameters {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object statement) {
            JdbcHooks.onClearParameters(statement);
        }
    }

    /** On entry: a shadowed read's remaining rows are copied while the statement can still give them. */
    public static final class Close {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object statement) {
            JdbcHooks.onStatementClose(statement);
        }
    }
}
