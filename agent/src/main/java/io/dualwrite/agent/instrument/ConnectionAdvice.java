package io.dualwrite.agent.instrument;

import io.dualwrite.bootstrap.JdbcHooks;
import net.bytebuddy.asm.Advice;

/**
 * Advice on {@code java.sql.Connection} implementations: which statements belong to a followed connection,
 * with the SQL of prepared ones, and the transaction boundaries. Each hook acts only when the driver's
 * call returned normally, since a failed commit or rollback changed nothing the agent should follow.
 */
public final class ConnectionAdvice {

    private ConnectionAdvice() {
    }

    /** {@code prepareStatement(String, ...)} and {@code prepareCall(String, ...)}. */
    public static final class Prepare {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object connection, @Advice.Argument(0) String sql,
                         @Advice.Return Object statement) {
            JdbcHooks.onStatementCreated(connection, statement, sql);
        }
    }

    /** {@code createStatement(...)}. */
    public static final class CreateStatement {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object connection, @Advice.Return Object statement) {
            JdbcHooks.onStatementCreated(connection, statement, null);
        }
    }

    /** Ending a transaction commits it: with {@code on-failure: fail} the agent may raise an exception. */
    public static final class SetAutoCommit {
        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.This Object connection, @Advice.Argument(0) boolean autoCommit,
                         @Advice.Thrown(readOnly = false) Throwable thrown) {
            thrown = JdbcHooks.onAutoCommit(connection, autoCommit, thrown);
        }
    }

    /** With {@code on-failure: fail} the agent may raise an exception after the primary committed. */
    public static final class Commit {
        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.This Object connection, @Advice.Thrown(readOnly = false) Throwable thrown) {
            thrown = JdbcHooks.onCommit(connection, thrown);
        }
    }

    public static final class Rollback {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object connection) {
            JdbcHooks.onRollback(connection, null);
        }
    }

    public static final class RollbackToSavepoint {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object connection, @Advice.Argument(0) Object savepoint) {
            JdbcHooks.onRollback(connection, savepoint);
        }
    }

    /** {@code setSavepoint()} and {@code setSavepoint(String)}. */
    public static final class SetSavepoint {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object connection, @Advice.Return Object savepoint) {
            JdbcHooks.onSavepoint(connection, savepoint);
        }
    }

    public static final class ReleaseSavepoint {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object connection, @Advice.Argument(0) Object savepoint) {
            JdbcHooks.onReleaseSavepoint(connection, savepoint);
        }
    }

    /** Runs whether or not close threw: the connection is unusable either way. */
    public static final class Close {
        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.This Object connection) {
            JdbcHooks.onConnectionClose(connection);
        }
    }
}
